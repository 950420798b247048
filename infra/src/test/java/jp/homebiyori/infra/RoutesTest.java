package jp.homebiyori.infra;

import jp.homebiyori.common.web.ServiceNames;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static jp.homebiyori.infra.Template.list;
import static jp.homebiyori.infra.Template.map;
import static jp.homebiyori.infra.Template.reference;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the three OpenAPI specs reaches, through the template's API Gateway routes, the
 * function that owns it (the code's own mapping: {@link ServiceNames}, by the generated interface of
 * the operation's tag) with the authorisation its {@code security} asks for: none for {@code []},
 * the user-pool authorizer for {@code userPool}, the admin-pool authorizer for {@code adminPool},
 * IAM for {@code internalApiKey}. And no route serves nothing.
 */
class RoutesTest {

    /** A spec, the API that serves it and the package of its generated interfaces. */
    private record Api(String spec, String logicalId, String interfacePackage) {
    }

    private static final List<Api> APIS = List.of(
            new Api("user-api.yaml", "UserApi", "jp.homebiyori.api.user"),
            new Api("admin-api.yaml", "AdminApi", "jp.homebiyori.api.admin"),
            new Api("internal-api.yaml", "InternalApi", "jp.homebiyori.api.internal"));

    /** What each security scheme of the specs must become at the gateway. */
    private static final Map<String, String> AUTHORIZER_OF_SCHEME = Map.of(
            "userPool", "UserPoolAuthorizer",
            "adminPool", "AdminPoolAuthorizer",
            "internalApiKey", "AWS_IAM");

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    /** One API Gateway route of the template. */
    record Route(String api, String path, String method, String function, String authorizer) {

        boolean serves(String requestPath, String requestMethod) {
            return (method.equals("ANY") || method.equalsIgnoreCase(requestMethod)) && pattern().matcher(requestPath).matches();
        }

        /** API Gateway's path templates: {name+} takes the rest of the path, {name} one segment. */
        Pattern pattern() {
            String regex = Pattern.quote(path)
                    .replaceAll("\\{[^}/]+\\+}", "\\\\E.+\\\\Q")
                    .replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
            return Pattern.compile(regex);
        }
    }

    private final Template template = Template.load();

    @Test
    void everySpecOperationIsRoutedToItsFunction_withTheAuthorisationOfItsSecurity() throws Exception {
        List<Route> routes = routes();
        int operations = 0;
        for (Api api : APIS) {
            Map<String, Object> spec = spec(api.spec());
            Object defaultSecurity = spec.get("security");
            for (Map.Entry<String, Object> path : map(spec.get("paths")).entrySet()) {
                for (Map.Entry<String, Object> op : map(path.getValue()).entrySet()) {
                    if (!METHODS.contains(op.getKey())) {
                        continue;
                    }
                    operations++;
                    Map<String, Object> operation = map(op.getValue());
                    String requestPath = path.getKey().replaceAll("\\{[^}]+}", "x1");
                    String where = api.spec() + " " + op.getKey().toUpperCase() + " " + path.getKey();

                    List<Route> serving = routes.stream()
                            .filter(r -> r.api().equals(api.logicalId()) && r.serves(requestPath, op.getKey())).toList();
                    assertThat(serving).as(where + " is served by exactly one route").hasSize(1);
                    Route route = serving.get(0);

                    assertThat(route.function()).as(where).isEqualTo(owner(api, operation));
                    assertThat(route.authorizer()).as(where).isEqualTo(expectedAuthorizer(operation, defaultSecurity));
                }
            }
        }
        assertThat(operations).as("operations in the three specs").isGreaterThanOrEqualTo(30);
    }

    @Test
    void everyRouteServesAtLeastOneSpecOperation_andNothingIsRoutedPastItsApi() throws Exception {
        List<Route> routes = routes();
        assertThat(routes).isNotEmpty();
        for (Route route : routes) {
            Api api = APIS.stream().filter(a -> a.logicalId().equals(route.api())).findFirst()
                    .orElseThrow(() -> new AssertionError(route + " is on an API that serves no spec"));
            boolean servesSomething = false;
            for (Map.Entry<String, Object> path : map(spec(api.spec()).get("paths")).entrySet()) {
                String requestPath = path.getKey().replaceAll("\\{[^}]+}", "x1");
                servesSomething |= map(path.getValue()).keySet().stream()
                        .anyMatch(m -> METHODS.contains(m) && route.serves(requestPath, m));
            }
            assertThat(servesSomething).as(route + " serves an operation of " + api.spec()).isTrue();
        }
    }

    /** A negative check of the matcher itself, so a pattern that matches everything cannot pass the tests above. */
    @Test
    void theRouteMatcherFollowsApiGatewaysPathTemplates() {
        Route proxy = new Route("UserApi", "/api/chat/{proxy+}", "ANY", "chat-service", "UserPoolAuthorizer");
        assertThat(proxy.serves("/api/chat/messages", "post")).isTrue();
        assertThat(proxy.serves("/api/chat/a/b", "get")).isTrue();
        assertThat(proxy.serves("/api/chat", "get")).isFalse();
        assertThat(proxy.serves("/api/chatty/x", "get")).isFalse();
        Route exact = new Route("UserApi", "/api/health", "GET", "health-check", "NONE");
        assertThat(exact.serves("/api/health", "get")).isTrue();
        assertThat(exact.serves("/api/health", "post")).isFalse();
        assertThat(exact.serves("/api/healthz", "get")).isFalse();
    }

    /** The routes of every Api event of every function, with the authorizer in force (the event's, else the API's default). */
    private List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        template.functions().values().forEach(f -> f.events().values().forEach(event -> {
            if (!"Api".equals(event.get("Type"))) {
                return;
            }
            Map<String, Object> p = map(event.get("Properties"));
            String api = reference(p.get("RestApiId")).orElseThrow(() -> new AssertionError(f.name() + ": event without RestApiId"));
            Object auth = p.get("Auth");
            String authorizer = auth == null || map(auth).get("Authorizer") == null
                    ? defaultAuthorizer(api)
                    : (String) map(auth).get("Authorizer");
            routes.add(new Route(api, (String) p.get("Path"), (String) p.get("Method"), f.name(), authorizer));
        }));
        return routes;
    }

    private String defaultAuthorizer(String api) {
        Object auth = template.properties(api).get("Auth");
        return auth == null ? "NONE" : String.valueOf(map(auth).getOrDefault("DefaultAuthorizer", "NONE"));
    }

    /** The owning function of an operation as the code names it: the generated interface of its tag. */
    private static String owner(Api api, Map<String, Object> operation) throws ClassNotFoundException {
        String tag = (String) list(operation.get("tags")).get(0);
        Class<?> generated = Class.forName(api.interfacePackage() + "." + Character.toUpperCase(tag.charAt(0)) + tag.substring(1) + "Api");
        String service = ServiceNames.forApi(generated);
        assertThat(service).as("service of " + generated.getSimpleName()).isNotEqualTo("unknown");
        return service;
    }

    private static String expectedAuthorizer(Map<String, Object> operation, Object defaultSecurity) {
        List<Object> security = list(operation.containsKey("security") ? operation.get("security") : defaultSecurity);
        if (security.isEmpty()) {
            return "NONE";
        }
        assertThat(security).as("one security requirement per operation").hasSize(1);
        String scheme = map(security.get(0)).keySet().iterator().next();
        assertThat(AUTHORIZER_OF_SCHEME).as("known scheme").containsKey(scheme);
        return AUTHORIZER_OF_SCHEME.get(scheme);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> spec(String file) throws IOException {
        try (Reader reader = Files.newBufferedReader(Template.repositoryRoot().resolve("openapi").resolve(file))) {
            return (Map<String, Object>) new Yaml().load(reader);
        }
    }
}
