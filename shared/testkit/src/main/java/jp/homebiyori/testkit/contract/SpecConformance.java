package jp.homebiyori.testkit.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Checks an answer against the operation's documented responses (status, content type, headers, body
 * schema) with Atlassian's swagger-request-validator. It treats undeclared {@code additionalProperties}
 * as false, so a field that drifts from the contract (extra, renamed, mistyped) is a violation.
 * The validators are built once per test JVM.
 */
public final class SpecConformance {

    private static final Map<Spec, OpenApiInteractionValidator> VALIDATORS = new EnumMap<>(Spec.class);

    private SpecConformance() {
    }

    private static synchronized OpenApiInteractionValidator validator(Spec spec) {
        return VALIDATORS.computeIfAbsent(spec, s ->
                OpenApiInteractionValidator.createForSpecificationUrl(s.file().toUri().toString()).build());
    }

    /**
     * The violations of the answer to {@code method path} (path without query); empty when it conforms.
     * An answer to a route that is not an operation of the spec has nothing to conform to: empty too.
     */
    public static List<String> violations(Spec spec, String method, String path, int status,
                                          Map<String, List<String>> headers, String body) {
        return violations(spec, method, path, status, headers, body, false);
    }

    /**
     * As above; with {@code transportRefusalsAllowed}, a 4xx the operation does not document (405, 406,
     * 415 or 400 for a malformed header: HTTP-level refusals of deliberately broken requests) is not a
     * violation by its status alone. The Error body of such refusals is checked by the tests that send them.
     */
    public static List<String> violations(Spec spec, String method, String path, int status,
                                          Map<String, List<String>> headers, String body, boolean transportRefusalsAllowed) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        if (body != null && !body.isEmpty()) {
            response.withBody(body);
        }
        headers.forEach((name, values) -> {
            if (name != null && !name.startsWith(":")) {
                response.withHeader(name, values);
            }
        });
        ValidationReport report = validator(spec).validateResponse(path, Request.Method.valueOf(method), response.build());
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .filter(m -> !m.getKey().equals("validation.request.path.missing")
                        && !m.getKey().equals("validation.request.operation.notAllowed"))
                .filter(m -> !(transportRefusalsAllowed && status >= 400 && status < 500
                        && m.getKey().equals("validation.response.status.unknown")))
                .map(m -> m.getKey() + ": " + m.getMessage())
                .toList();
    }

    /** Fails the calling test when the answer breaks the contract. */
    public static void assertConforms(Spec spec, String method, String path, int status,
                                      Map<String, List<String>> headers, String body) {
        assertConforms(spec, method, path, status, headers, body, false);
    }

    /** Fails the calling test when the answer breaks the contract (see {@link #violations} for the flag). */
    public static void assertConforms(Spec spec, String method, String path, int status,
                                      Map<String, List<String>> headers, String body, boolean transportRefusalsAllowed) {
        List<String> violations = violations(spec, method, path, status, headers, body, transportRefusalsAllowed);
        if (!violations.isEmpty()) {
            throw new AssertionError(method + " " + path + " answered " + status + " "
                    + abbreviate(body) + ", which breaks " + spec.fileName() + ": " + violations);
        }
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "(no body)";
        }
        return body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }
}
