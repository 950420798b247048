package jp.homebiyori.contract.support;

import com.fasterxml.jackson.databind.JsonNode;
import jp.homebiyori.testkit.contract.Spec;
import jp.homebiyori.testkit.contract.SpecConformance;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks of a reply against the contracts: the Atlassian response validation, and the Error body of every 4xx/5xx. */
public final class ContractChecks {

    private static final Pattern CODE = Pattern.compile("^[A-Z][A-Z0-9_]*$");
    private static final Set<String> ERROR_FIELDS = Set.of("code", "message", "request_id", "details");

    private ContractChecks() {
    }

    /** Violations of the operation's documented response (status, headers, content type, body schema); empty when it conforms. */
    public static List<String> violations(SpecOperation op, Http.Reply reply) {
        return SpecConformance.violations(Spec.valueOf(op.api().name()), op.method(), op.path(),
                reply.status(), reply.headers(), reply.body());
    }

    public static void assertConforms(SpecOperation op, Http.Reply reply, String context) {
        assertThat(violations(op, reply)).as("%s: %s answered %s, which breaks the contract", context, op, reply.abbreviated())
                .isEmpty();
    }

    /** Why the reply does not carry the Error body as JSON, or null when it does. */
    public static String errorBodyProblem(Http.Reply reply) {
        String type = reply.header("Content-Type");
        if (type == null || !type.toLowerCase().startsWith("application/json")) {
            return "Content-Type is " + type + ", not application/json";
        }
        JsonNode json = reply.json();
        if (json == null || !json.isObject()) {
            return "the body is not a JSON object";
        }
        if (!json.path("code").isTextual() || !CODE.matcher(json.path("code").asText()).matches()) {
            return "code is missing or malformed";
        }
        if (!json.path("message").isTextual() || json.path("message").asText().isBlank()) {
            return "message is missing";
        }
        if (!json.path("request_id").isTextual() || json.path("request_id").asText().isBlank()) {
            return "request_id is missing";
        }
        if (json.has("details") && !json.path("details").isObject()) {
            return "details is not an object";
        }
        for (var names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!ERROR_FIELDS.contains(name)) {
                return "unexpected field " + name;
            }
        }
        if (reply.body().contains("Exception") || reply.body().contains("\tat ")) {
            return "the body leaks a stack trace";
        }
        return null;
    }

    /** Asserts the Error body with the given status and code. */
    public static JsonNode assertError(Http.Reply reply, int status, String code, String context) {
        assertThat(reply.status()).as("%s: status of %s", context, reply.abbreviated()).isEqualTo(status);
        assertThat(errorBodyProblem(reply)).as("%s: Error body of %s", context, reply.abbreviated()).isNull();
        assertThat(reply.json().path("code").asText()).as("%s: code of %s", context, reply.abbreviated()).isEqualTo(code);
        return reply.json();
    }

    public static Map<String, String> json() {
        return Map.of("Content-Type", "application/json", "Accept", "application/json");
    }
}
