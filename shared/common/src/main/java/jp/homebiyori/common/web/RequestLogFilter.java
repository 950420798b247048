package jp.homebiyori.common.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import jp.homebiyori.common.auth.Caller;
import jp.homebiyori.common.logging.JsonLine;
import jp.homebiyori.common.logging.JsonLogFormatter;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Opens every request (request id: the caller's {@code x-request-id} if it is a sane token, else a new
 * UUID; echoed in the response) and closes it with one JSON log line: request id, service, operation,
 * route template, method, status, latency, user id. Never a body, a query string, a chat text or a
 * nickname.
 */
@Provider
@PreMatching
@Priority(0)
public class RequestLogFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String REQUEST_ID_HEADER = "x-request-id";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{8,128}");
    private static final Logger ACCESS = Logger.getLogger(JsonLogFormatter.ACCESS_LOGGER);

    @Override
    public void filter(ContainerRequestContext request) {
        String given = request.getHeaderString(REQUEST_ID_HEADER);
        RequestScope.begin(given != null && SAFE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        RequestScope scope = RequestScope.current();
        response.getHeaders().putSingle(REQUEST_ID_HEADER, scope.requestId());
        long nanos = System.nanoTime() - scope.startNanos();
        String service = scope.operation().map(ApiOperation::service).orElse("-");
        RequestMetrics.record(service, response.getStatus(), nanos);
        if (ACCESS.isLoggable(Level.INFO)) {
            String user = scope.caller().map(Caller::id).orElse(null);
            ACCESS.info(JsonLine.of(json -> {
                json.writeStringField("type", "request");
                json.writeStringField("request_id", scope.requestId());
                json.writeStringField("service", service);
                json.writeStringField("operation", scope.operation().map(ApiOperation::operationId).orElse("-"));
                json.writeStringField("method", request.getMethod());
                json.writeStringField("route", RouteTemplates.of(request));
                json.writeNumberField("status", response.getStatus());
                json.writeNumberField("latency_ms", nanos / 1_000_000.0);
                json.writeStringField("user_id", user);
            }));
        }
    }
}
