package jp.homebiyori.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.microprofile.server.ServerCdiExtension;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jp.homebiyori.common.maintenance.MaintenanceService;
import jp.homebiyori.common.maintenance.MaintenanceStatus;
import jp.homebiyori.testkit.RawHttp;
import jp.homebiyori.testkit.StripeEvents;
import jp.homebiyori.testkit.TestStack;
import jp.homebiyori.testkit.lambda.ApiEvent;
import jp.homebiyori.testkit.lambda.LambdaFunction;
import jp.homebiyori.testkit.lambda.LambdaPackageRunner;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same requests — authorised, unauthorised, bad body, not found, and maintenance — sent to each
 * function's Lambda package (a fresh JVM from its package and layers, REST API events) and to the pod form
 * (the Helidon server of this test), on the same tables: they must answer alike — status, media type,
 * error code, the fields of a success, and {@code Retry-After} in maintenance.
 */
@HelidonTest
class LambdaAndPodAnswerAlikeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER = "alike-" + UUID.randomUUID();
    private static final Map<String, String> CONFIG = config();

    private static Map<String, String> config() {
        Map<String, String> config = TestStack.lambdaConfig();
        config.put("homebiyori.parameters.stripe.webhook_secret", StripeEvents.TEST_WEBHOOK_SECRET);
        return config;
    }

    @AddConfigSource
    static ConfigSource configSource() {
        LocalServices.issuer(TestStack.issuer());
        return TestStack.configSourceOf(CONFIG);
    }

    @Inject
    private ServerCdiExtension server;
    @Inject
    private MaintenanceService maintenance;

    /** One request; caller is user, admin or none. */
    record Request(String name, String method, String path, String caller, String body) {
        @Override
        public String toString() {
            return name + " " + method + " " + path;
        }
    }

    /** A function and its requests. */
    record Function(String name, List<Request> requests, Request maintenanceProbe, int statusInMaintenance) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Request ok(String method, String path, String caller) {
        return new Request("authorised", method, path, caller, null);
    }

    private static Request anonymous(String method, String path) {
        return new Request("unauthorised", method, path, "none", null);
    }

    private static Request badBody(String method, String path, String caller) {
        return new Request("bad body", method, path, caller, "{\"nickname\": ");
    }

    private static Request missing(String method, String path, String caller) {
        return new Request("not found", method, path, caller, null);
    }

    static Stream<Function> functions() {
        return Stream.of(
                new Function("chat-service", List.of(ok("GET", "/api/chat/history", "user"), anonymous("GET", "/api/chat/history"),
                        badBody("POST", "/api/chat/messages", "user"), missing("GET", "/api/chat/nothing", "user")),
                        ok("GET", "/api/chat/history", "user"), 503),
                new Function("tree-service", List.of(ok("GET", "/api/tree/status", "user"), anonymous("GET", "/api/tree/status"),
                        missing("POST", "/api/tree/fruits/no-such-fruit/view", "user")),
                        ok("GET", "/api/tree/status", "user"), 503),
                new Function("user-service", List.of(ok("GET", "/api/users/profile", "user"), anonymous("GET", "/api/users/profile"),
                        badBody("PUT", "/api/users/profile", "user"), missing("GET", "/api/users/nothing", "user")),
                        ok("GET", "/api/users/profile", "user"), 503),
                new Function("billing-service", List.of(ok("GET", "/api/billing/subscription", "user"),
                        anonymous("GET", "/api/billing/subscription"), badBody("POST", "/api/billing/checkout", "user"),
                        missing("GET", "/api/billing/nothing", "user")),
                        ok("GET", "/api/billing/subscription", "user"), 503),
                new Function("webhook-service", List.of(ok("GET", "/api/webhook/health", "none"),
                        badBody("POST", "/api/webhook/stripe", "none"), missing("GET", "/api/webhook/nothing", "none")),
                        ok("GET", "/api/webhook/health", "none"), 200),
                new Function("notification-service", List.of(ok("GET", "/api/notifications", "user"), anonymous("GET", "/api/notifications"),
                        missing("PUT", "/api/notifications/no-such-notification/read", "user")),
                        ok("GET", "/api/notifications/unread-count", "user"), 503),
                new Function("health-check", List.of(ok("GET", "/api/health", "none"), missing("GET", "/api/healthz", "none")),
                        ok("GET", "/api/health", "none"), 200),
                new Function("admin-service", List.of(ok("GET", "/api/admin/dashboard", "admin"), anonymous("GET", "/api/admin/dashboard"),
                        badBody("PUT", "/api/admin/maintenance", "admin"), missing("GET", "/api/admin/nothing", "admin")),
                        ok("GET", "/api/admin/dashboard", "admin"), 200));
    }

    private static boolean onboarded;

    /** The pod's tables are the Lambda's: a user with a profile, so that the authorised reads are 200 on both. */
    private void onboardOnce() {
        if (!onboarded) {
            RawHttp.Reply reply = RawHttp.send(server.port(), "POST", "/api/users/complete-onboarding", "application/json",
                    "{\"nickname\":\"そっくり\"}", RawHttp.bearer(TestStack.userToken(USER)));
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            onboarded = true;
        }
    }

    @ParameterizedTest
    @MethodSource("functions")
    void theLambdaPackage_andThePod_answerAlike(Function function) throws Exception {
        onboardOnce();
        List<Request> requests = function.requests();
        List<RawHttp.Reply> lambda = lambda(function.name(), requests, Map.of());
        for (int i = 0; i < requests.size(); i++) {
            assertAlike(function.name(), requests.get(i), lambda.get(i), pod(requests.get(i)));
        }

        Map<String, String> maintenanceOn = Map.of("homebiyori.parameters.maintenance.enabled", "true");
        RawHttp.Reply lambdaInMaintenance = lambda(function.name(), List.of(function.maintenanceProbe()), maintenanceOn).get(0);
        RawHttp.Reply podInMaintenance = withMaintenance(() -> pod(function.maintenanceProbe()));
        assertThat(lambdaInMaintenance.status()).as("%s in maintenance", function.name()).isEqualTo(function.statusInMaintenance());
        assertAlike(function.name(), function.maintenanceProbe(), lambdaInMaintenance, podInMaintenance);
        if (function.statusInMaintenance() == 503) {
            assertThat(lambdaInMaintenance.header("Retry-After")).isNotNull();
            assertThat(podInMaintenance.header("Retry-After")).isNotNull();
        }
    }

    private static void assertAlike(String function, Request request, RawHttp.Reply lambda, RawHttp.Reply pod) {
        String what = function + ": " + request;
        assertThat(lambda.status()).as("%s — Lambda %s, pod %s", what, lambda.body(), pod.body()).isEqualTo(pod.status());
        assertThat(mediaType(lambda)).as(what).isEqualTo(mediaType(pod));
        JsonNode l = lambda.json();
        JsonNode p = pod.json();
        if (pod.status() >= 400) {
            assertThat(l.path("code").asText()).as(what).isNotEmpty().isEqualTo(p.path("code").asText());
        } else if (p != null && p.isObject()) {
            assertThat(new TreeSet<>(iterable(l))).as(what).isEqualTo(new TreeSet<>(iterable(p)));
        }
    }

    private static List<String> iterable(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String mediaType(RawHttp.Reply reply) {
        String type = reply.header("Content-Type");
        return type == null ? null : type.split(";")[0].strip().toLowerCase();
    }

    private static Map<String, String> credentials(Request request) {
        return switch (request.caller()) {
            case "user" -> RawHttp.bearer(TestStack.userToken(USER));
            case "admin" -> RawHttp.bearer(TestStack.adminToken("alike-admin"));
            default -> Map.of();
        };
    }

    private RawHttp.Reply pod(Request request) {
        return RawHttp.send(server.port(), request.method(), request.path(),
                request.body() == null ? null : "application/json", request.body(), credentials(request));
    }

    private static List<RawHttp.Reply> lambda(String name, List<Request> requests, Map<String, String> extra) throws Exception {
        List<String> events = new ArrayList<>();
        for (Request request : requests) {
            ApiEvent event = ApiEvent.restApi(request.method(), request.path());
            credentials(request).forEach(event::header);
            if (request.body() != null) {
                event.jsonBody(request.body());
            }
            events.add(event.json());
        }
        Map<String, String> config = new HashMap<>(CONFIG);
        config.putAll(extra);
        List<RawHttp.Reply> replies = new ArrayList<>();
        for (String output : LambdaPackageRunner.invoke(LambdaFunction.named(name), config, events)) {
            replies.add(ApiEvent.reply(JSON.readTree(output)));
        }
        return replies;
    }

    private RawHttp.Reply withMaintenance(Supplier<RawHttp.Reply> call) {
        maintenance.set(new MaintenanceStatus(true, "", null, null));
        try {
            return call.get();
        } finally {
            maintenance.set(new MaintenanceStatus(false, "", null, null));
        }
    }
}
