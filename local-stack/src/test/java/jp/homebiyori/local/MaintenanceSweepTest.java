package jp.homebiyori.local;

import io.helidon.microprofile.server.ServerCdiExtension;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jp.homebiyori.api.OperationId;
import jp.homebiyori.common.maintenance.MaintenanceService;
import jp.homebiyori.common.maintenance.MaintenanceStatus;
import jp.homebiyori.testkit.RawHttp;
import jp.homebiyori.testkit.StripeEvents;
import jp.homebiyori.testkit.TestStack;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static jp.homebiyori.testkit.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Maintenance mode over the whole backend (every service in one server): switched on, every
 * authenticated operation of the user API — enumerated from the generated interfaces, i.e. from the
 * spec — answers 503 MAINTENANCE with the headers; the health checks, the webhook and the admin API keep
 * working; switched off, the operations answer normally again.
 */
@HelidonTest
class MaintenanceSweepTest {

    @AddConfigSource
    static ConfigSource config() {
        LocalServices.issuer(TestStack.issuer());
        return TestStack.configSource(Map.of("homebiyori.parameters.stripe.webhook_secret", StripeEvents.TEST_WEBHOOK_SECRET));
    }

    @Inject
    private ServerCdiExtension server;
    @Inject
    private MaintenanceService maintenance;

    /** One operation of the user API as the generated interface declares it. */
    record Operation(String id, String method, String path, boolean permitAll) {
    }

    static List<Operation> userOperations() {
        List<Operation> operations = new ArrayList<>();
        for (Class<?> api : List.of(jp.homebiyori.api.user.ChatApi.class, jp.homebiyori.api.user.TreeApi.class,
                jp.homebiyori.api.user.UsersApi.class, jp.homebiyori.api.user.BillingApi.class,
                jp.homebiyori.api.user.WebhookApi.class, jp.homebiyori.api.user.NotificationsApi.class,
                jp.homebiyori.api.user.HealthApi.class)) {
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
                operations.add(new Operation(m.getAnnotation(OperationId.class).value(), method, path,
                        m.isAnnotationPresent(PermitAll.class)));
            }
        }
        return operations;
    }

    /** Minted once: deleteAccount makes the issuer forget the user, as Cognito would; the token stays valid. */
    private final String token = TestStack.userToken("sweep-" + java.util.UUID.randomUUID());

    private RawHttp.Reply call(Operation op) {
        boolean body = op.method().equals("POST") || op.method().equals("PUT");
        return RawHttp.send(server.port(), op.method(), op.path(), body ? "application/json" : null, body ? "{}" : null,
                RawHttp.bearer(token));
    }

    @Test
    void maintenanceOn_everyAuthenticatedUserOperationAnswers503_withTheHeaders_andOffAgainNormal() {
        List<Operation> operations = userOperations();
        assertThat(operations).hasSizeGreaterThanOrEqualTo(24);
        OffsetDateTime end = OffsetDateTime.now().plusHours(2);
        maintenance.set(new MaintenanceStatus(true, "ただいまメンテナンス中です", null, end));
        try {
            for (Operation op : operations) {
                RawHttp.Reply reply = call(op);
                if (op.permitAll()) {
                    assertThat(reply.status()).as(op.id()).isNotEqualTo(503);
                    continue;
                }
                assertThat(reply.status()).as(op.id() + " " + op.method() + " " + op.path() + " " + reply.body()).isEqualTo(503);
                var json = assertError(reply, 503, "MAINTENANCE");
                assertThat(reply.header("x-maintenance-mode")).as(op.id()).isEqualTo("true");
                assertThat(Long.parseLong(reply.header("Retry-After"))).as(op.id()).isBetween(7000L, 7200L);
                assertThat(json.path("details").path("maintenance_message").asText()).isEqualTo("ただいまメンテナンス中です");
                assertThat(json.path("details").path("end_time").asText()).isNotBlank();
            }
            assertThat(RawHttp.get(server.port(), "/api/health", Map.of()).status()).isEqualTo(200);
            assertThat(RawHttp.get(server.port(), "/api/webhook/health", Map.of()).status()).isEqualTo(200);
            assertThat(RawHttp.get(server.port(), "/api/admin/maintenance", RawHttp.bearer(TestStack.adminToken("ops"))).status())
                    .isEqualTo(200);
        } finally {
            maintenance.set(new MaintenanceStatus(false, "", null, null));
        }
        for (Operation op : operations) {
            assertThat(call(op).status()).as(op.id()).isNotEqualTo(503);
        }
    }
}
