package jp.homebiyori.common.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import jp.homebiyori.common.auth.Caller;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
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
    private static final Logger ACCESS = Logger.getLogger("homebiyori.access");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void filter(ContainerRequestContext request) {
        String given = request.getHeaderString(REQUEST_ID_HEADER);
        RequestScope.begin(given != null && SAFE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        RequestScope scope = RequestScope.current();
        response.getHeaders().putSingle(REQUEST_ID_HEADER, scope.requestId());
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", "request");
        line.put("request_id", scope.requestId());
        line.put("service", scope.operation().map(ApiOperation::service).orElse("-"));
        line.put("operation", scope.operation().map(ApiOperation::operationId).orElse("-"));
        line.put("method", request.getMethod());
        line.put("route", RouteTemplates.of(request));
        line.put("status", response.getStatus());
        line.put("latency_ms", (System.nanoTime() - scope.startNanos()) / 1_000_000.0);
        line.put("user_id", scope.caller().map(Caller::id).orElse(null));
        RequestMetrics.record(scope.operation().map(ApiOperation::service).orElse("-"), response.getStatus(),
                System.nanoTime() - scope.startNanos());
        try {
            ACCESS.info(JSON.writeValueAsString(line));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            ACCESS.warning("request log line failed: " + e.getMessage());
        }
    }
}
