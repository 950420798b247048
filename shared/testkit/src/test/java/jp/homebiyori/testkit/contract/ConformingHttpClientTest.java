package jp.homebiyori.testkit.contract;

import com.sun.net.httpserver.HttpServer;
import jp.homebiyori.client.user.api.HealthApi;
import jp.homebiyori.client.user.model.HealthStatus;
import jp.homebiyori.testkit.ApiClients;
import jp.homebiyori.testkit.RawHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract check of the test clients, against a plain JDK server that answers what each test sets. */
class ConformingHttpClientTest {

    private HttpServer server;
    private volatile int status;
    private volatile String body;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private HealthApi health() {
        return new HealthApi(ApiClients.user(server.getAddress().getPort(), null));
    }

    @Test
    void aConformingAnswer_reachesTheGeneratedClientIntact() throws Exception {
        answer(200, "{\"status\":\"ok\",\"service\":\"health-check\",\"version\":\"1.2.3\",\"server_time\":\"2026-11-26T10:00:00+09:00\"}");
        HealthStatus status = health().getHealth();
        assertThat(status.getStatus()).isEqualTo(HealthStatus.StatusEnum.OK);
        assertThat(status.getVersion()).isEqualTo("1.2.3");
    }

    @Test
    void anUndeclaredField_failsTheCall() {
        answer(200, "{\"status\":\"ok\",\"service\":\"health-check\",\"version\":\"1.2.3\",\"server_time\":\"2026-11-26T10:00:00+09:00\",\"debug\":true}");
        assertThatThrownBy(() -> health().getHealth()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("user-api.yaml").hasMessageContaining("debug");
    }

    @Test
    void aMistypedField_andAnUndocumentedStatus_failTheCall() {
        answer(200, "{\"status\":\"ok\",\"service\":\"health-check\",\"version\":123,\"server_time\":\"2026-11-26T10:00:00+09:00\"}");
        assertThatThrownBy(() -> health().getHealth()).isInstanceOf(AssertionError.class).hasMessageContaining("version");
        answer(418, "{\"code\":\"TEAPOT\",\"message\":\"no\",\"request_id\":\"r\"}");
        assertThatThrownBy(() -> health().getHealth()).isInstanceOf(AssertionError.class).hasMessageContaining("418");
    }

    @Test
    void rawRequests_mayBeRefusedWithAnUndocumented4xx_butNeverWithABodyThatBreaksTheSchema() {
        answer(406, "{\"code\":\"NOT_ACCEPTABLE\",\"message\":\"json only\",\"request_id\":\"r\"}");
        assertThat(RawHttp.get(server.getAddress().getPort(), "/api/health", Map.of()).status()).isEqualTo(406);
        answer(503, "<html>down</html>");
        assertThatThrownBy(() -> RawHttp.get(server.getAddress().getPort(), "/api/health", Map.of()))
                .isInstanceOf(AssertionError.class).hasMessageContaining("503");
    }

    @Test
    void routesOutsideTheSpecs_haveNothingToConformTo() {
        answer(404, "{\"code\":\"NOT_FOUND\",\"message\":\"no\",\"request_id\":\"r\"}");
        assertThat(RawHttp.get(server.getAddress().getPort(), "/api/nothing-here", Map.of()).status()).isEqualTo(404);
    }

    private void answer(int status, String body) {
        this.status = status;
        this.body = body;
    }
}
