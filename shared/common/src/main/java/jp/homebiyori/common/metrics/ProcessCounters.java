package jp.homebiyori.common.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Named event counters of this process (AI fallbacks, rejected AI replies, webhook failures, …) that the admin API's
 * metrics report next to the request statistics. In AWS each Lambda has its own, so each event is also
 * published as an embedded metric ({@link EmbeddedMetrics}) for the CloudWatch metrics to add up.
 */
public final class ProcessCounters {

    public static final String AI_FALLBACK = "ai_fallback";
    /** Generated replies not sent as written: they failed the reply check, or Bedrock's guardrail intervened. */
    public static final String AI_REPLY_REJECTED = "ai_reply_rejected";
    public static final String WEBHOOK_FAILURE = "webhook_failure";
    public static final String NOTIFICATION_FAILURE = "notification_failure";

    private static final Map<String, LongAdder> COUNTERS = new ConcurrentHashMap<>();

    private ProcessCounters() {
    }

    public static void increment(String name) {
        COUNTERS.computeIfAbsent(name, n -> new LongAdder()).increment();
        EmbeddedMetrics.counted(name);
    }

    public static long get(String name) {
        LongAdder adder = COUNTERS.get(name);
        return adder == null ? 0 : adder.sum();
    }

    public static Map<String, Long> snapshot() {
        Map<String, Long> result = new TreeMap<>();
        COUNTERS.forEach((k, v) -> result.put(k, v.sum()));
        return result;
    }
}
