package jp.homebiyori.common.error;

import java.util.Map;

/**
 * The one exception family of the project: a failure with an HTTP status, a stable {@code code} of
 * the specs' {@code Error} body, a message safe to show, and optional details. Domain and application
 * code throw it through the factories; {@link ApiExceptionMapper} writes the body.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, Object> details;

    public ApiException(int status, String code, String message, Map<String, Object> details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = details == null ? Map.of() : Map.copyOf(details);
    }

    public ApiException(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    public static ApiException validation(String message) {
        return new ApiException(400, ErrorCode.VALIDATION_ERROR, message);
    }

    /** A 400 naming the rule that was broken ({@code details.field}, {@code details.rule}). */
    public static ApiException validation(String field, String rule, String message) {
        return new ApiException(400, ErrorCode.VALIDATION_ERROR, message, Map.of("field", field, "rule", rule));
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, ErrorCode.UNAUTHORIZED, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, ErrorCode.FORBIDDEN, message);
    }

    public static ApiException premiumRequired(String feature) {
        return new ApiException(403, ErrorCode.PREMIUM_REQUIRED,
                feature + " is a premium feature: subscribe to the monthly or yearly plan to use it",
                Map.of("feature", feature));
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, ErrorCode.NOT_FOUND, message);
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(409, code, message);
    }

    public static ApiException unavailable(String message, long retryAfterSeconds) {
        return new ApiException(503, ErrorCode.SERVICE_UNAVAILABLE, message,
                Map.of("retry_after_seconds", retryAfterSeconds));
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
