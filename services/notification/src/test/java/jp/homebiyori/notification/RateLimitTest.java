package jp.homebiyori.notification;

import io.helidon.microprofile.server.ServerCdiExtension;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jp.homebiyori.testkit.RawHttp;
import jp.homebiyori.testkit.TestStack;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static jp.homebiyori.testkit.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/** domain.md's 100 requests per minute per user, in the pod form. */
@HelidonTest
class RateLimitTest {

    @AddConfigSource
    static ConfigSource config() {
        return TestStack.configSource(Map.of("homebiyori.rate-limit.per-minute", "100"));
    }

    @Inject
    private ServerCdiExtension server;

    @Test
    void the101stRequestInAMinute_is429WithRetryAfter_andOtherUsersAreUnaffected() {
        // stay clear of a minute boundary so that all requests fall into one window
        long second = (System.currentTimeMillis() / 1000) % 60;
        if (second > 45) {
            sleep((61 - second) * 1000);
        }
        var busy = RawHttp.bearer(TestStack.userToken("busy-" + UUID.randomUUID()));
        for (int i = 0; i < 100; i++) {
            assertThat(RawHttp.get(server.port(), "/api/notifications/unread-count", busy).status()).as("request %d", i + 1).isEqualTo(200);
        }
        RawHttp.Reply refused = RawHttp.get(server.port(), "/api/notifications/unread-count", busy);
        assertError(refused, 429, "RATE_LIMITED");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);

        var other = RawHttp.bearer(TestStack.userToken("calm-" + UUID.randomUUID()));
        assertThat(RawHttp.get(server.port(), "/api/notifications/unread-count", other).status()).isEqualTo(200);
        assertThat(RawHttp.get(server.port(), "/api/health", Map.of()).status()).isNotEqualTo(429);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
