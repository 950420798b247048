package jp.homebiyori.common.web;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import jp.homebiyori.common.auth.Caller;
import jp.homebiyori.common.error.ApiException;
import jp.homebiyori.common.error.ErrorCode;
import jp.homebiyori.common.time.JstClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * domain.md's limit of the user API — {@code homebiyori.rate-limit.per-minute} requests (default 100)
 * per user per minute — in the pod and local forms (API Gateway's usage plan does it for Lambda, where
 * {@code homebiyori.rate-limit.enabled=false}). Fixed one-minute windows per user, in memory: the
 * request over the limit gets 429 {@code RATE_LIMITED} with {@code Retry-After} (seconds to the next
 * window); other users are unaffected. Windows of past minutes are dropped as new ones open.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 100)
@ApplicationScoped
public class RateLimitFilter implements ContainerRequestFilter {

    private record Window(long minute, AtomicInteger count) {
    }

    private final boolean enabled;
    private final int perMinute;
    private final JstClock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private volatile long lastSweepMinute;

    @Inject
    public RateLimitFilter(@ConfigProperty(name = "homebiyori.rate-limit.enabled", defaultValue = "true") boolean enabled,
                           @ConfigProperty(name = "homebiyori.rate-limit.per-minute", defaultValue = "100") int perMinute,
                           JstClock clock) {
        this.enabled = enabled;
        this.perMinute = perMinute;
        this.clock = clock;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!enabled) {
            return;
        }
        String user = RequestScope.current().caller().filter(c -> c.kind() == Caller.Kind.USER).map(Caller::id).orElse(null);
        if (user == null) {
            return;
        }
        long millis = clock.instant().toEpochMilli();
        long minute = millis / 60_000;
        sweep(minute);
        Window window = windows.compute(user, (k, w) -> w == null || w.minute() != minute ? new Window(minute, new AtomicInteger()) : w);
        if (window.count().incrementAndGet() > perMinute) {
            long retryAfter = Math.max(1, ((minute + 1) * 60_000 - millis + 999) / 1000);
            throw new ApiException(429, ErrorCode.RATE_LIMITED,
                    "more than " + perMinute + " requests in a minute; retry after " + retryAfter + " s",
                    Map.of("retry_after_seconds", retryAfter));
        }
    }

    private void sweep(long minute) {
        if (minute != lastSweepMinute) {
            lastSweepMinute = minute;
            windows.values().removeIf(w -> w.minute() < minute);
        }
    }
}
