package jp.homebiyori.probes;

import jp.homebiyori.common.health.Heartbeat;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The checks on their own: timeout, cache, reasons, heartbeat bounds. */
class ChecksTest {

    private static final Duration TIMEOUT = Duration.ofMillis(300);

    private static class MutableClock extends Clock {
        Instant now = Instant.parse("2026-12-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void anAnswer_isCachedForItsTime_soProbesDoNotHammerTheDependency() {
        MutableClock clock = new MutableClock();
        AtomicInteger calls = new AtomicInteger();
        DependencyCheck check = new DependencyCheck("dynamodb", t -> {
            calls.incrementAndGet();
            return Map.of("table", "t");
        }, TIMEOUT, Duration.ofSeconds(5), clock, () -> { });
        for (int i = 0; i < 10; i++) {
            assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        }
        assertThat(calls).hasValue(1);
        clock.now = clock.now.plusSeconds(6);
        assertThat(check.call().getData()).hasValue(Map.of("table", "t"));
        assertThat(calls).hasValue(2);
    }

    @Test
    void aHangingCall_isDownAfterTheTimeout_andOnlyOneCallIsInFlight() throws InterruptedException {
        MutableClock clock = new MutableClock();
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        DependencyCheck check = new DependencyCheck("sqs", t -> {
            calls.incrementAndGet();
            release.await();
            return Map.of();
        }, TIMEOUT, Duration.ofSeconds(5), clock, () -> { });
        long start = System.nanoTime();
        HealthCheckResponse down = check.call();
        assertThat((System.nanoTime() - start) / 1_000_000).isBetween(250L, 2_000L);
        assertThat(down.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(down.getData().orElseThrow()).containsEntry("reason", "no answer within 300 ms");
        // cached: the next probe answers at once, and no second call piles up behind the first
        long again = System.nanoTime();
        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat((System.nanoTime() - again) / 1_000_000).isLessThan(100);
        clock.now = clock.now.plusSeconds(6);
        check.call();
        assertThat(calls).hasValue(1);
        release.countDown();
    }

    @Test
    void reasons_nameTheErrorNotItsMessage() {
        DynamoDbException denied = (DynamoDbException) DynamoDbException.builder()
                .message("User: arn:aws:sts::123456789012:assumed-role/x is not authorized")
                .statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDeniedException").build())
                .build();
        assertThat(Reasons.of(denied)).isEqualTo("AccessDeniedException (HTTP 400)");
        SdkClientException refused = SdkClientException.builder().message("Unable to execute HTTP request: http://10.0.0.1:8000")
                .cause(new ConnectException("Connection refused")).build();
        assertThat(Reasons.of(refused)).isEqualTo("SdkClientException (ConnectException)");
    }

    @Test
    void aFailingCall_isDownWithItsReason() {
        DependencyCheck check = new DependencyCheck("parameter-store", t -> {
            throw SdkClientException.create("secret-looking message sk_live_123");
        }, TIMEOUT, Duration.ofSeconds(5), Clock.systemUTC(), () -> { });
        HealthCheckResponse down = check.call();
        assertThat(down.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(down.getData().orElseThrow()).isEqualTo(Map.of("reason", "SdkClientException"));
    }

    @Test
    void heartbeat_downWhenStuckOrDead_upWhenOff() {
        MutableClock clock = new MutableClock();
        FakeHeartbeat beat = new FakeHeartbeat(clock.now);
        HeartbeatCheck check = new HeartbeatCheck(beat, clock);
        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        clock.now = clock.now.plusSeconds(61);
        HealthCheckResponse stuck = check.call();
        assertThat(stuck.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(stuck.getData().orElseThrow()).containsEntry("reason", "no progress for 61 s (bound 60 s)");
        beat.last = clock.now;
        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        beat.alive = false;
        assertThat(check.call().getData().orElseThrow()).containsEntry("reason", "its thread has ended");
        beat.on = false;
        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    private static final class FakeHeartbeat implements Heartbeat {
        Instant last;
        boolean alive = true;
        boolean on = true;

        FakeHeartbeat(Instant last) {
            this.last = last;
        }

        @Override
        public String heartbeatName() {
            return "loop";
        }

        @Override
        public boolean beating() {
            return on;
        }

        @Override
        public Instant lastBeat() {
            return last;
        }

        @Override
        public boolean threadAlive() {
            return alive;
        }

        @Override
        public Duration stuckAfter() {
            return Duration.ofSeconds(60);
        }
    }
}
