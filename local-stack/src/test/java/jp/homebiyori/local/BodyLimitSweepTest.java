package jp.homebiyori.local;

import io.helidon.microprofile.server.ServerCdiExtension;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jp.homebiyori.api.OperationId;
import jp.homebiyori.common.web.ApiApplications;
import jp.homebiyori.testkit.HeldBackUpload;
import jp.homebiyori.testkit.StripeEvents;
import jp.homebiyori.testkit.TestStack;
import jp.homebiyori.testkit.contract.Spec;
import jp.homebiyori.testkit.contract.SpecConformance;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19's body limits over the whole backend, on each of the three sockets of the local process (user
 * API on the default one, admin and internal APIs on their own): every operation of the three specs —
 * enumerated from the generated interfaces — sent a body declaring 60 MB, of which the client sends 256 KiB
 * and holds the rest back, answers 413 {@code PAYLOAD_TOO_LARGE} as its spec documents it, with the request
 * id, while the rest is still held back. So does a chunked body past the limit. Without the limit the
 * server would wait for the body (or answer something else first), and the sweep fails.
 */
@HelidonTest
class BodyLimitSweepTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @AddConfigSource
    static ConfigSource config() {
        LocalServices.issuer(TestStack.issuer());
        Map<String, String> config = new HashMap<>(Map.of("homebiyori.parameters.stripe.webhook_secret", StripeEvents.TEST_WEBHOOK_SECRET));
        config.put("server.sockets.0.name", "admin");
        config.put("server.sockets.0.host", "127.0.0.1");
        config.put("server.sockets.0.port", "0");
        config.put("server.sockets.1.name", "internal");
        config.put("server.sockets.1.host", "127.0.0.1");
        config.put("server.sockets.1.port", "0");
        config.put("homebiyori.api.admin.socket", "admin");
        config.put("homebiyori.api.internal.socket", "internal");
        config.put(ApiApplications.AdminSocketApi.class.getName() + ".routing-name.name", "admin");
        config.put(ApiApplications.AdminSocketApi.class.getName() + ".routing-name.required", "true");
        config.put(ApiApplications.InternalSocketApi.class.getName() + ".routing-name.name", "internal");
        config.put(ApiApplications.InternalSocketApi.class.getName() + ".routing-name.required", "true");
        return TestStack.configSource(config);
    }

    @Inject
    private ServerCdiExtension server;

    record Operation(String id, String method, String path, String socket) {
    }

    static List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        Map<Class<?>, String> apis = new java.util.LinkedHashMap<>();
        for (Class<?> api : List.of(jp.homebiyori.api.user.ChatApi.class, jp.homebiyori.api.user.TreeApi.class,
                jp.homebiyori.api.user.UsersApi.class, jp.homebiyori.api.user.BillingApi.class,
                jp.homebiyori.api.user.WebhookApi.class, jp.homebiyori.api.user.NotificationsApi.class,
                jp.homebiyori.api.user.HealthApi.class)) {
            apis.put(api, "@default");
        }
        apis.put(jp.homebiyori.api.admin.AdminApi.class, "admin");
        apis.put(jp.homebiyori.api.internal.InternalNotificationsApi.class, "internal");
        apis.forEach((api, socket) -> {
            String base = api.getAnnotation(Path.class).value();
            for (Method m : api.getMethods()) {
                if (!m.isAnnotationPresent(OperationId.class)) {
                    continue;
                }
                Path sub = m.getAnnotation(Path.class);
                String path = (base + (sub == null ? "" : sub.value()))
                        .replace("{fruit_id}", "0d6c3b5e-2f4a-4c1b-9a7e-3b2c1d0e9f8a")
                        .replace("{notification_id}", "3c2b1a09-8f7e-4d6c-b5a4-93827160abcd");
                String method = m.isAnnotationPresent(GET.class) ? "GET" : m.isAnnotationPresent(POST.class) ? "POST"
                        : m.isAnnotationPresent(PUT.class) ? "PUT" : m.isAnnotationPresent(DELETE.class) ? "DELETE" : "?";
                operations.add(new Operation(m.getAnnotation(OperationId.class).value(), method, path, socket));
            }
        });
        return operations;
    }

    @Test
    void everyOperationOnEverySocket_refusesABodyDeclaring60MB_with413_beforeReadingIt() {
        List<Operation> operations = operations();
        assertThat(operations).hasSizeGreaterThanOrEqualTo(30);
        String token = TestStack.userToken("limit-" + java.util.UUID.randomUUID());
        for (Operation op : operations) {
            String requestId = "req-" + op.id();
            HeldBackUpload.Result result = HeldBackUpload.withLength(server.port(op.socket()), op.method(), op.path(),
                    Map.of("Authorization", "Bearer " + token, "x-request-id", requestId), 60L * 1024 * 1024, 256 * 1024, PATIENCE);
            assertRefused(op, result, requestId);
        }
    }

    @Test
    void aChunkedBodyPastTheLimit_isRefused_onEachSocket() {
        String user = "Bearer " + TestStack.userToken("limit-" + java.util.UUID.randomUUID());
        String admin = "Bearer " + TestStack.adminToken("ops-limit");
        Map<Operation, Map<String, String>> calls = new java.util.LinkedHashMap<>();
        calls.put(new Operation("sendMessage", "POST", "/api/chat/messages", "@default"), Map.of("Authorization", user));
        calls.put(new Operation("updateMaintenance", "POST", "/api/admin/maintenance", "admin"), Map.of("Authorization", admin));
        calls.put(new Operation("createInternalNotification", "POST", "/internal/notifications/create", "internal"),
                Map.of("X-API-Key", TestStack.INTERNAL_API_KEY, "X-Source-Lambda", "ttl-updater"));
        calls.forEach((op, credentials) -> {
            String requestId = "req-chunked-" + op.id();
            Map<String, String> headers = new HashMap<>(credentials);
            headers.put("x-request-id", requestId);
            HeldBackUpload.Result result = HeldBackUpload.chunked(server.port(op.socket()), op.method(), op.path(), headers,
                    512 * 1024, PATIENCE);
            assertRefused(op, result, requestId);
            assertThat(result.json().path("details").path("limit_bytes").asLong()).isEqualTo(64 * 1024);
        });
    }

    @Test
    void aChunkedBodyNeverRead_becauseTheRequestIsRefusedFirst_endsTheConnection_insteadOfBeingDrained() {
        HeldBackUpload.Result result = HeldBackUpload.chunked(server.port(), "POST", "/api/chat/messages",
                Map.of("Authorization", "Bearer not-a-token"), 32 * 1024, PATIENCE);
        assertThat(result.answered()).isTrue();
        assertThat(result.status()).as(result.body()).isEqualTo(401);
        assertThat(result.header("Connection")).isEqualToIgnoringCase("close");
        assertThat(result.closedByServer()).as("the server closes instead of waiting for the rest of the body").isTrue();
    }

    private static void assertRefused(Operation op, HeldBackUpload.Result result, String requestId) {
        String what = op.id() + " " + op.method() + " " + op.path() + " on " + op.socket();
        assertThat(result.answered()).as(what + ": an answer while the body is held back").isTrue();
        assertThat(result.status()).as(what + " " + result.body()).isEqualTo(413);
        assertThat(result.json().path("code").asText()).as(what).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(result.json().path("request_id").asText()).as(what).isEqualTo(requestId);
        assertThat(result.closedByServer()).as(what + ": the connection ends, the rest is not drained").isTrue();
        Map<String, List<String>> headers = new HashMap<>();
        result.headers().forEach((k, v) -> headers.put(k, List.of(v)));
        SpecConformance.assertConforms(Spec.ofPath(op.path()), op.method(), op.path(), result.status(), headers, result.body());
    }
}
