package jp.homebiyori.admin;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the CloudWatch metrics source reads: the Lambda function of each service, the API Gateway
 * API ({@code ApiName}) of each API, the window the figures cover, and the TTL queue and its DLQ.
 *
 * @param functions service name (as reported) → Lambda function name, in report order
 * @param apis      API (user, admin, internal) → API Gateway REST API name, in report order
 * @param window    how far back the figures go (a whole number of minutes)
 */
public record CloudWatchMetricsSettings(Map<String, String> functions, Map<String, String> apis, Duration window,
                                        Optional<String> ttlQueueUrl, Optional<String> ttlDlqUrl) {

    /** GetMetricData takes at most 500 queries a call; each function and each API needs six. */
    static final int MAX_QUERIES = 500;
    static final int QUERIES_PER_TARGET = 6;

    public CloudWatchMetricsSettings {
        functions = Collections.unmodifiableMap(new LinkedHashMap<>(functions));
        apis = Collections.unmodifiableMap(new LinkedHashMap<>(apis));
        if (functions.isEmpty() && apis.isEmpty()) {
            throw new IllegalArgumentException("homebiyori.metrics.cloudwatch.functions or .apis must name something to read");
        }
        if ((functions.size() + apis.size()) * QUERIES_PER_TARGET > MAX_QUERIES) {
            throw new IllegalArgumentException("too many functions and APIs for one GetMetricData call");
        }
        if (window.isNegative() || window.isZero() || window.toSeconds() % 60 != 0 || window.compareTo(Duration.ofDays(15)) > 0) {
            throw new IllegalArgumentException("the metrics window must be whole minutes, at most 15 days: " + window);
        }
    }

    /**
     * Parses {@code name=value} entries ({@code chat-service=prod-homebiyori-chat}) keeping their order.
     *
     * @throws IllegalArgumentException for an entry without a name or a value
     */
    public static Map<String, String> pairs(String key, List<String> entries) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new IllegalArgumentException(key + ": expected name=value, got '" + entry + "'");
            }
            result.put(entry.substring(0, eq).strip(), entry.substring(eq + 1).strip());
        }
        return result;
    }
}
