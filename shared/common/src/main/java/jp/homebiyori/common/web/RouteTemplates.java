package jp.homebiyori.common.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.UriTemplate;

import java.util.List;

/** The matched route template ({@code /api/tree/fruits/{fruit_id}/view}), never the raw path with ids. */
final class RouteTemplates {

    private RouteTemplates() {
    }

    static String of(ContainerRequestContext request) {
        if (request.getUriInfo() instanceof ExtendedUriInfo extended) {
            List<UriTemplate> templates = extended.getMatchedTemplates();
            if (!templates.isEmpty()) {
                StringBuilder route = new StringBuilder();
                for (int i = templates.size() - 1; i >= 0; i--) {
                    String t = templates.get(i).getTemplate();
                    if (!t.equals("/")) {
                        route.append(t.startsWith("/") ? "" : "/").append(t);
                    }
                }
                return route.isEmpty() ? "/" : route.toString();
            }
        }
        return "(unmatched)";
    }
}
