package jp.homebiyori.ttlupdater;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.microprofile.server.ServerCdiExtension;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jp.homebiyori.testkit.RawHttp;
import jp.homebiyori.testkit.TestStack;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stuck poller: the SQS endpoint accepts the connection and never answers (a half-open peer), so the
 * worker's receive hangs for the client's 25 s attempt timeout. Its liveness goes DOWN (503) once it has not
 * made progress for its bound (2 s here), which makes Kubernetes restart the pod.
 */
@HelidonTest
class StuckPollerLivenessTest {

    /** Listening, never accepting: connections complete in the kernel's backlog and no byte ever comes back. */
    private static final ServerSocket BLACK_HOLE = blackHole();

    @AddConfigSource
    static ConfigSource config() {
        String endpoint = "http://127.0.0.1:" + BLACK_HOLE.getLocalPort();
        Map<String, String> config = new HashMap<>();
        config.put("homebiyori.sqs.endpoint", endpoint);
        config.put("homebiyori.sqs.ttl-queue-url", endpoint + "/000000000000/stuck");
        config.put("homebiyori.ttl-updater.worker.enabled", "true");
        config.put("homebiyori.ttl-updater.worker.wait-seconds", "1");
        config.put("homebiyori.ttl-updater.worker.stuck-after-seconds", "2");
        return TestStack.configSource(config);
    }

    @Inject
    private ServerCdiExtension server;

    @AfterAll
    static void close() throws IOException {
        BLACK_HOLE.close();
    }

    @Test
    void aWorkerStuckInAReceive_isNotLive() throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        RawHttp.Reply live;
        do {
            Thread.sleep(250);
            live = RawHttp.get(server.port(), "/health/live", Map.of("Accept", "application/json"));
        } while (live.status() != 503 && System.nanoTime() < deadline);
        assertThat(live.status()).as(live.body()).isEqualTo(503);
        assertThat(live.json().path("status").asText()).isEqualTo("DOWN");
        JsonNode worker = PollerLivenessTest.check(live, "ttl-queue-worker");
        assertThat(worker.path("status").asText()).isEqualTo("DOWN");
        assertThat(worker.path("data").path("reason").asText()).startsWith("no progress for ").endsWith("(bound 2 s)");
    }

    private static ServerSocket blackHole() {
        try {
            return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
