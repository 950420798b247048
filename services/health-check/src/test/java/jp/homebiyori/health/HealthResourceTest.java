package jp.homebiyori.health;

import io.helidon.microprofile.server.ServerCdiExtension;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jp.homebiyori.client.user.api.HealthApi;
import jp.homebiyori.client.user.model.HealthStatus;
import jp.homebiyori.testkit.ApiClients;
import jp.homebiyori.testkit.RawHttp;
import jp.homebiyori.testkit.TestStack;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

import static jp.homebiyori.testkit.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/** health-check on a running Helidon server, called through the generated user-API client. */
@HelidonTest
class HealthResourceTest {

    @AddConfigSource
    static ConfigSource config() {
        return TestStack.configSource(Map.of("homebiyori.parameters.app.version", "9.8.7"));
    }

    @Inject
    private ServerCdiExtension server;

    @Test
    void health_isPublic_andReportsVersionAndJstTime() throws Exception {
        HealthStatus status = new HealthApi(ApiClients.user(server.port(), null)).getHealth();
        assertThat(status.getStatus()).isEqualTo(HealthStatus.StatusEnum.OK);
        assertThat(status.getVersion()).isEqualTo("9.8.7");
        assertThat(status.getServerTime().getOffset().getTotalSeconds()).isEqualTo(9 * 3600);
        assertThat(Duration.between(status.getServerTime(), OffsetDateTime.now()).abs()).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void health_echoesASaneRequestId_andMakesOneOtherwise() {
        RawHttp.Reply given = RawHttp.get(server.port(), "/api/health", Map.of("x-request-id", "req-12345678"));
        assertThat(given.header("x-request-id")).isEqualTo("req-12345678");
        RawHttp.Reply odd = RawHttp.get(server.port(), "/api/health", Map.of("x-request-id", "<script>"));
        assertThat(odd.header("x-request-id")).matches("[0-9a-f-]{36}");
    }

    @Test
    void unknownRoute_isAJsonNotFound() {
        assertError(RawHttp.get(server.port(), "/api/nothing-here", Map.of()), 404, "NOT_FOUND");
        assertError(RawHttp.get(server.port(), "/", Map.of("Accept", "text/html")), 404, "NOT_FOUND");
    }

    @Test
    void wrongMethod_isAJsonMethodNotAllowed() {
        RawHttp.Reply reply = RawHttp.send(server.port(), "DELETE", "/api/health", null, null, Map.of());
        assertError(reply, 405, "METHOD_NOT_ALLOWED");
        assertThat(reply.header("Allow")).contains("GET");
    }

    @Test
    void garbageBody_onAGet_stillAnswersJson() {
        RawHttp.Reply reply = RawHttp.send(server.port(), "POST", "/api/health", "application/json", "{not json", Map.of());
        assertError(reply, 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void unparseableAccept_isAJsonBadRequest() {
        for (String accept : new String[] {"garbage/", ";;;", "text/html;q=abc", "/json"}) {
            assertError(RawHttp.get(server.port(), "/api/health", Map.of("Accept", accept)), 400, "VALIDATION_ERROR");
        }
    }

    @Test
    void unparseableContentType_isAJsonBadRequest() {
        for (String type : new String[] {";;;", "application/", "garbage"}) {
            RawHttp.Reply reply = RawHttp.send(server.port(), "POST", "/api/health", type, "{}", Map.of());
            assertError(reply, 400, "VALIDATION_ERROR");
            assertThat(reply.json().path("details").path("header").asText()).isEqualTo("Content-Type");
        }
    }
}
