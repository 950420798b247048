package jp.homebiyori.common.web;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * CORS for browsers on the origins of {@code homebiyori.cors.allowed-origins} (none by default: in AWS
 * API Gateway answers CORS; locally the Next.js dev server and the Swagger UI need it). A preflight from
 * an allowed origin is answered here; other origins get no CORS headers at all.
 */
@Provider
@PreMatching
@Priority(1)
@ApplicationScoped
public class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String ORIGIN = "Origin";

    private final Set<String> allowed;

    @Inject
    public CorsFilter(@ConfigProperty(name = "homebiyori.cors.allowed-origins") Optional<String> allowed) {
        // a comma-separated string, not a List: Helidon refuses a missing list-valued key at start-up
        this.allowed = Set.copyOf(allowed.stream().flatMap(a -> List.of(a.split(",")).stream())
                .map(String::strip).filter(o -> !o.isEmpty()).toList());
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString(ORIGIN);
        if ("OPTIONS".equals(request.getMethod()) && origin != null && allowed.contains(origin)
                && request.getHeaderString("Access-Control-Request-Method") != null) {
            request.abortWith(Response.noContent()
                    .header("Access-Control-Allow-Origin", origin)
                    .header("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS")
                    .header("Access-Control-Allow-Headers", "Authorization, Content-Type, X-API-Key, X-Source-Lambda, Stripe-Signature, x-request-id")
                    .header("Access-Control-Max-Age", "600")
                    .header("Vary", ORIGIN)
                    .build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = request.getHeaderString(ORIGIN);
        if (origin != null && allowed.contains(origin)) {
            response.getHeaders().putSingle("Access-Control-Allow-Origin", origin);
            response.getHeaders().putSingle("Access-Control-Expose-Headers", "x-request-id, x-maintenance-mode, Retry-After");
            response.getHeaders().add("Vary", ORIGIN);
        }
    }
}
