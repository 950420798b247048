package jp.homebiyori.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two Ingresses route as the two API Gateways do: every path of user-api.yaml reaches the right
 * service on the user host, every path of admin-api.yaml on the admin host, and no path of
 * internal-api.yaml (nor /health) is reachable through either. Paths are matched the way Kubernetes
 * does (Exact, or Prefix by whole path elements, longest match first).
 */
class IngressRoutesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Which service owns a path of the user API, by its first element after /api (the design document's split). */
    private static final Map<String, String> USER_API_OWNERS = Map.of(
            "health", "health-check",
            "users", "user-service",
            "tree", "tree-service",
            "chat", "chat-service",
            "billing", "billing-service",
            "webhook", "webhook-service",
            "notifications", "notification-service");

    private record Route(String path, String pathType, String service, String port) {
        boolean matches(String requestPath) {
            if ("Exact".equals(pathType)) {
                return requestPath.equals(path);
            }
            return requestPath.equals(path) || requestPath.startsWith(path.endsWith("/") ? path : path + "/");
        }
    }

    private final RenderedChart chart = RenderedChart.withProductionValues();

    @Test
    void twoIngresses_onSeparateHosts() {
        assertThat(chart.ofKind("Ingress")).hasSize(2);
        assertThat(host("user-api")).isEqualTo("api.homebiyori.jp");
        assertThat(host("admin-api")).isEqualTo("admin-api.homebiyori.jp");
        assertThat(chart.get("Ingress", "homebiyori-admin-api").path("metadata").path("annotations")
                .path("alb.ingress.kubernetes.io/scheme").asText()).isEqualTo("internal");
        assertThat(chart.get("Ingress", "homebiyori-user-api").path("spec").path("ingressClassName").asText()).isEqualTo("alb");
        assertThat(chart.get("Ingress", "homebiyori-user-api").path("spec").path("tls").get(0).path("secretName").asText())
                .isEqualTo("homebiyori-api-tls");
    }

    @Test
    void everyUserApiPath_reachesItsService_onTheUserHost_only() throws IOException {
        List<String> paths = specPaths("user-api.yaml");
        assertThat(paths).hasSizeGreaterThan(20);
        for (String path : paths) {
            String concrete = path.replaceAll("\\{[^}]+}", "x0");
            String owner = USER_API_OWNERS.get(concrete.split("/")[2]);
            assertThat(route("user-api", concrete)).as(path).map(Route::service).contains("homebiyori-" + owner);
            assertThat(route("admin-api", concrete)).as(path + " on the admin host").isEmpty();
        }
    }

    @Test
    void everyAdminApiPath_reachesAdminService_onTheAdminHost_only() throws IOException {
        for (String path : specPaths("admin-api.yaml")) {
            assertThat(route("admin-api", path)).as(path).map(Route::service).contains("homebiyori-admin-service");
            assertThat(route("user-api", path)).as(path + " on the user host").isEmpty();
        }
    }

    @Test
    void internalApi_probes_andLookalikes_areOnNoIngress() throws IOException {
        List<String> unreachable = new ArrayList<>(specPaths("internal-api.yaml"));
        unreachable.addAll(List.of("/internal", "/health/live", "/health/ready", "/api/healthz", "/api/health/x",
                "/api/chatroom", "/api/administrator", "/"));
        assertThat(unreachable).contains("/internal/notifications/create");
        for (String path : unreachable) {
            assertThat(route("user-api", path)).as(path).isEmpty();
            assertThat(route("admin-api", path)).as(path).isEmpty();
        }
        for (String api : List.of("user-api", "admin-api")) {
            assertThat(routes(api)).allSatisfy(r -> {
                assertThat(r.path()).startsWith("/api/");
                assertThat(r.port()).isEqualTo("http");
            });
        }
    }

    @Test
    void theInternalPort_isOnlyOnNotificationServicesClusterIpService() {
        for (JsonNode service : chart.ofKind("Service")) {
            List<String> ports = StreamSupport.stream(service.path("spec").path("ports").spliterator(), false)
                    .map(p -> p.path("name").asText()).toList();
            assertThat(service.path("spec").path("type").asText()).isEqualTo("ClusterIP");
            if (service.path("metadata").path("name").asText().equals("homebiyori-notification-service")) {
                assertThat(ports).containsExactly("http", "internal");
            } else {
                assertThat(ports).containsExactly("http");
            }
        }
    }

    private String host(String api) {
        JsonNode rules = chart.get("Ingress", "homebiyori-" + api).path("spec").path("rules");
        assertThat(rules).hasSize(1);
        return rules.get(0).path("host").asText();
    }

    private List<Route> routes(String api) {
        List<Route> routes = new ArrayList<>();
        for (JsonNode rule : chart.get("Ingress", "homebiyori-" + api).path("spec").path("rules")) {
            for (JsonNode p : rule.path("http").path("paths")) {
                JsonNode backend = p.path("backend").path("service");
                routes.add(new Route(p.path("path").asText(), p.path("pathType").asText(),
                        backend.path("name").asText(), backend.path("port").path("name").asText()));
            }
        }
        return routes;
    }

    /** The backend Kubernetes would choose: an Exact match, else the longest Prefix match. */
    private Optional<Route> route(String api, String requestPath) {
        List<Route> matching = routes(api).stream().filter(r -> r.matches(requestPath)).toList();
        return matching.stream().filter(r -> r.pathType().equals("Exact")).findFirst()
                .or(() -> matching.stream().max((a, b) -> Integer.compare(a.path().length(), b.path().length())));
    }

    private static List<String> specPaths(String spec) throws IOException {
        Path file = RenderedChart.CHART.resolve("../../openapi").resolve(spec).normalize();
        List<String> paths = new ArrayList<>();
        YAML.readTree(file.toFile()).path("paths").fieldNames().forEachRemaining(paths::add);
        return paths;
    }
}
