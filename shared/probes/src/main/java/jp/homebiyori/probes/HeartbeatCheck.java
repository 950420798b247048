package jp.homebiyori.probes;

import jp.homebiyori.common.health.Heartbeat;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import java.time.Clock;
import java.time.Duration;

/**
 * Liveness of a loop that beats: DOWN when its thread has ended or it has not beaten for its
 * {@link Heartbeat#stuckAfter()}; UP (and not watched) when the loop is off in this process.
 */
final class HeartbeatCheck implements HealthCheck {

    private final Heartbeat heartbeat;
    private final Clock clock;

    HeartbeatCheck(Heartbeat heartbeat, Clock clock) {
        this.heartbeat = heartbeat;
        this.clock = clock;
    }

    @Override
    public HealthCheckResponse call() {
        String name = heartbeat.heartbeatName();
        if (!heartbeat.beating()) {
            return HealthCheckResponse.named(name).up().withData("running", false).build();
        }
        if (!heartbeat.threadAlive()) {
            return HealthCheckResponse.named(name).down().withData("reason", "its thread has ended").build();
        }
        Duration since = Duration.between(heartbeat.lastBeat(), clock.instant());
        Duration bound = heartbeat.stuckAfter();
        if (since.compareTo(bound) > 0) {
            return HealthCheckResponse.named(name).down()
                    .withData("reason", "no progress for " + since.toSeconds() + " s (bound " + bound.toSeconds() + " s)")
                    .build();
        }
        return HealthCheckResponse.named(name).up().withData("last-progress-seconds-ago", since.toSeconds()).build();
    }
}
