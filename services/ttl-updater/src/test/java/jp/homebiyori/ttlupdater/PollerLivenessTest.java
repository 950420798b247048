package jp.homebiyori.ttlupdater;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.microprofile.server.ServerCdiExtension;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jp.homebiyori.testkit.RawHttp;
import jp.homebiyori.testkit.TestStack;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A worker that polls a live queue beats on every receive: its liveness stays UP past its bound (3 s here,
 * 1 s waits), and its readiness checks are the three dependencies ttl-updater uses.
 */
@HelidonTest
class PollerLivenessTest {

    private static final TestStack.Wiring WIRING = TestStack.internalApiAndQueue("ttl-live");

    @AddConfigSource
    static ConfigSource config() {
        Map<String, String> config = new HashMap<>(WIRING.config());
        config.put("homebiyori.ttl-updater.worker.enabled", "true");
        config.put("homebiyori.ttl-updater.worker.wait-seconds", "1");
        config.put("homebiyori.ttl-updater.worker.stuck-after-seconds", "3");
        return TestStack.configSource(config);
    }

    @Inject
    private ServerCdiExtension server;

    @Test
    void aPollingWorker_staysLive_pastItsBound() throws InterruptedException {
        Thread.sleep(4_500);
        RawHttp.Reply live = RawHttp.get(server.port(), "/health/live", Map.of("Accept", "application/json"));
        assertThat(live.status()).as(live.body()).isEqualTo(200);
        JsonNode worker = check(live, "ttl-queue-worker");
        assertThat(worker.path("status").asText()).isEqualTo("UP");
        assertThat(worker.path("data").path("last-progress-seconds-ago").asLong()).isLessThan(3);
    }

    @Test
    void readiness_checksDynamoSqsAndParameters() {
        RawHttp.Reply ready = RawHttp.get(server.port(), "/health/ready", Map.of("Accept", "application/json"));
        assertThat(ready.status()).as(ready.body()).isEqualTo(200);
        for (String name : new String[]{"dynamodb", "sqs", "parameter-store"}) {
            assertThat(check(ready, name).path("status").asText()).as(name + " in " + ready.body()).isEqualTo("UP");
        }
        assertThat(check(ready, "sqs").path("data").path("queue").asText()).isEqualTo(WIRING.queueName());
    }

    static JsonNode check(RawHttp.Reply reply, String name) {
        for (JsonNode c : reply.json().path("checks")) {
            if (name.equals(c.path("name").asText())) {
                return c;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
