package jp.homebiyori.common.error;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Map;

/**
 * What Jersey itself refuses (unknown route, wrong method, wrong content type, …) answered with the
 * {@code Error} body instead of Jersey's empty or HTML page.
 */
@Provider
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original == null ? 500 : original.getStatus();
        Response.ResponseBuilder builder = switch (status) {
            case 400 -> ErrorResponses.builder(400, ErrorCode.VALIDATION_ERROR, "the request is not valid", Map.of());
            case 401 -> ErrorResponses.builder(401, ErrorCode.UNAUTHORIZED, "authentication is required", Map.of());
            case 403 -> ErrorResponses.builder(403, ErrorCode.FORBIDDEN, "access denied", Map.of());
            case 404 -> ErrorResponses.builder(404, ErrorCode.NOT_FOUND, "no such resource", Map.of());
            case 405 -> ErrorResponses.builder(405, ErrorCode.METHOD_NOT_ALLOWED, "method not allowed on this resource", Map.of());
            case 406 -> ErrorResponses.builder(406, ErrorCode.NOT_ACCEPTABLE, "this resource answers application/json only", Map.of());
            case 413 -> ErrorResponses.builder(413, ErrorCode.PAYLOAD_TOO_LARGE, "the request body is too large", Map.of());
            case 415 -> ErrorResponses.builder(415, ErrorCode.UNSUPPORTED_MEDIA_TYPE, "send the body as application/json", Map.of());
            default -> status >= 500
                    ? ErrorResponses.builder(status, ErrorCode.INTERNAL_ERROR, "internal error", Map.of())
                    : ErrorResponses.builder(status, ErrorCode.VALIDATION_ERROR, "the request was refused", Map.of());
        };
        if (original != null && original.getHeaderString(HttpHeaders.ALLOW) != null) {
            builder.header(HttpHeaders.ALLOW, original.getHeaderString(HttpHeaders.ALLOW));
        }
        if (status >= 500) {
            UnexpectedExceptionMapper.log(exception);
        }
        return builder.build();
    }
}
