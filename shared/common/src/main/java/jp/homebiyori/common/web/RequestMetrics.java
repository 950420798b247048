package jp.homebiyori.common.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Per-service request counters and a latency histogram of this process (the admin API's metrics in a
 * pod or the local process). Fixed log-spaced buckets: constant memory, lock-free recording.
 */
public final class RequestMetrics {

    /** Upper bounds of the latency buckets, in milliseconds. */
    static final double[] BOUNDS_MS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 30000, Double.MAX_VALUE};

    private static final Map<String, ServiceStats> STATS = new ConcurrentHashMap<>();

    private RequestMetrics() {
    }

    /** One finished request. */
    public static void record(String service, int status, long nanos) {
        STATS.computeIfAbsent(service, s -> new ServiceStats()).record(status, nanos / 1_000_000.0);
    }

    public static Map<String, ServiceStats> snapshot() {
        return Map.copyOf(STATS);
    }

    /** Counters of one service. */
    public static final class ServiceStats {
        private final LongAdder requests = new LongAdder();
        private final LongAdder serverErrors = new LongAdder();
        private final LongAdder clientErrors = new LongAdder();
        private final AtomicLongArray buckets = new AtomicLongArray(BOUNDS_MS.length);

        void record(int status, double millis) {
            requests.increment();
            if (status >= 500) {
                serverErrors.increment();
            } else if (status >= 400) {
                clientErrors.increment();
            }
            for (int i = 0; i < BOUNDS_MS.length; i++) {
                if (millis <= BOUNDS_MS[i]) {
                    buckets.incrementAndGet(i);
                    return;
                }
            }
        }

        public long requests() {
            return requests.sum();
        }

        public long serverErrors() {
            return serverErrors.sum();
        }

        public long clientErrors() {
            return clientErrors.sum();
        }

        /** The bucket bound below which {@code quantile} of the requests finished (an upper estimate). */
        public double percentileMillis(double quantile) {
            long total = 0;
            for (int i = 0; i < buckets.length(); i++) {
                total += buckets.get(i);
            }
            if (total == 0) {
                return 0;
            }
            long rank = (long) Math.ceil(quantile * total);
            long seen = 0;
            for (int i = 0; i < buckets.length(); i++) {
                seen += buckets.get(i);
                if (seen >= rank) {
                    return BOUNDS_MS[i] == Double.MAX_VALUE ? BOUNDS_MS[i - 1] : BOUNDS_MS[i];
                }
            }
            return BOUNDS_MS[BOUNDS_MS.length - 2];
        }
    }
}
