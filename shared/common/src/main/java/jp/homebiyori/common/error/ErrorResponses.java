package jp.homebiyori.common.error;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.homebiyori.common.web.RequestScope;

import java.util.Map;

/** Builds the JSON {@code Error} responses, stamped with the current request id. */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    public static Response of(int status, String code, String message, Map<String, Object> details) {
        return builder(status, code, message, details).build();
    }

    public static Response.ResponseBuilder builder(int status, String code, String message, Map<String, Object> details) {
        ErrorBody body = new ErrorBody(code, message, RequestScope.current().requestId(),
                details == null || details.isEmpty() ? null : details);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body);
    }

    public static Response of(ApiException e) {
        Response.ResponseBuilder builder = builder(e.status(), e.code(), e.getMessage(), e.details());
        Object retryAfter = e.details().get("retry_after_seconds");
        if (retryAfter != null) {
            builder.header("Retry-After", retryAfter.toString());
        }
        if (e.status() == 413) {
            // the rest of the body is never read: the connection cannot carry another request (a pod's
            // server then closes it instead of draining the body)
            builder.header("Connection", "close");
        }
        return builder.build();
    }
}
