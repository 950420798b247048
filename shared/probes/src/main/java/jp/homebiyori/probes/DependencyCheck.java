package jp.homebiyori.probes;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The readiness check of one dependency: one cheap call bounded by {@code timeout}, its answer kept for
 * {@code cacheFor} so that probes (and anyone else asking {@code /health/ready}) cost the dependency at most
 * one call per cache period per pod. A call that is still running when its caller stops waiting reports
 * DOWN ("no answer within …") and that answer is cached too; at most one call per check is in flight.
 * A DOWN answer carries a short reason (an error code or an exception's class, never a message, value or
 * stack trace).
 */
final class DependencyCheck implements HealthCheck {

    /** The call: returns what an UP answer reports (e.g. the table), throws if the dependency did not answer. */
    @FunctionalInterface
    interface Probe {
        Map<String, String> call(Duration timeout) throws Exception;
    }

    private static final ExecutorService CALLS = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("readiness-probe-", 0).factory());

    private final String name;
    private final Probe probe;
    private final Duration timeout;
    private final Duration cacheFor;
    private final Clock clock;
    private final Runnable beforeWaiting;

    private HealthCheckResponse cached;
    private Instant cachedAt;
    private CompletableFuture<HealthCheckResponse> inFlight;

    /** {@code beforeWaiting}: run before a caller waits (the checks of a pod start their stale calls together). */
    DependencyCheck(String name, Probe probe, Duration timeout, Duration cacheFor, Clock clock, Runnable beforeWaiting) {
        this.name = name;
        this.probe = probe;
        this.timeout = timeout;
        this.cacheFor = cacheFor;
        this.clock = clock;
        this.beforeWaiting = beforeWaiting;
    }

    String name() {
        return name;
    }

    @Override
    public HealthCheckResponse call() {
        beforeWaiting.run();
        CompletableFuture<HealthCheckResponse> call;
        synchronized (this) {
            if (isFresh()) {
                return cached;
            }
            refreshIfStale();
            call = inFlight;
            if (call == null) {        // finished between the two steps
                return cached;
            }
        }
        try {
            // the SDK call carries the same timeout; the margin lets it report its own error first
            return call.get(timeout.toMillis() + 250, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            HealthCheckResponse down = down("no answer within " + timeout.toMillis() + " ms");
            synchronized (this) {
                if (inFlight == call) {
                    store(down);
                }
            }
            return down;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted");
        } catch (ExecutionException e) {
            return down(Reasons.of(e.getCause()));
        }
    }

    /** Starts a call unless the cached answer is fresh or a call is running. */
    synchronized void refreshIfStale() {
        if (isFresh() || inFlight != null) {
            return;
        }
        CompletableFuture<HealthCheckResponse> call = CompletableFuture.supplyAsync(this::run, CALLS);
        inFlight = call;
        call.whenComplete((response, failure) -> {
            synchronized (this) {
                if (inFlight == call) {
                    inFlight = null;
                }
                store(response != null ? response : down(Reasons.of(failure)));
            }
        });
    }

    private HealthCheckResponse run() {
        try {
            HealthCheckResponseBuilder up = HealthCheckResponse.named(name).up();
            probe.call(timeout).forEach(up::withData);
            return up.build();
        } catch (Exception | LinkageError e) {
            return down(Reasons.of(e));
        }
    }

    private boolean isFresh() {
        return cached != null && clock.instant().isBefore(cachedAt.plus(cacheFor));
    }

    private void store(HealthCheckResponse response) {
        cached = response;
        cachedAt = clock.instant();
    }

    private HealthCheckResponse down(String reason) {
        return HealthCheckResponse.named(name).down().withData("reason", reason).build();
    }
}
