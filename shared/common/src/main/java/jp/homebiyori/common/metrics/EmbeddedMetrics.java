package jp.homebiyori.common.metrics;

import org.eclipse.microprofile.config.ConfigProvider;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/**
 * Counter events as CloudWatch Embedded Metric Format lines on standard output, where every service is
 * its own Lambda: CloudWatch Logs turns each line into a data point of namespace {@code Homebiyori}
 * (no dimensions, so the functions' counts add up), which the admin API's CloudWatch metrics read back.
 * Off unless {@code homebiyori.metrics.emf.enabled} (the template turns it on); a line holds the metric
 * name and the count 1, nothing about the user or the request.
 */
public final class EmbeddedMetrics {

    public static final String NAMESPACE = "Homebiyori";

    /** The CloudWatch metric name of each counter that is published. */
    public static final Map<String, String> METRIC_NAMES = Map.of(
            ProcessCounters.AI_FALLBACK, "AiFallback",
            ProcessCounters.AI_REPLY_REJECTED, "AiReplyRejected",
            ProcessCounters.WEBHOOK_FAILURE, "WebhookFailure",
            ProcessCounters.NOTIFICATION_FAILURE, "NotificationFailure");

    private static volatile Boolean enabled;

    private EmbeddedMetrics() {
    }

    static void counted(String counter) {
        String metric = METRIC_NAMES.get(counter);
        if (metric != null && enabled()) {
            write(System.out, Clock.systemUTC(), metric);
        }
    }

    private static boolean enabled() {
        Boolean current = enabled;
        if (current == null) {
            try {
                current = ConfigProvider.getConfig().getOptionalValue("homebiyori.metrics.emf.enabled", Boolean.class).orElse(false);
            } catch (RuntimeException noConfig) {
                current = false;
            }
            enabled = current;
        }
        return current;
    }

    /** One EMF line: a count of 1 for {@code metric}. */
    static void write(PrintStream out, Clock clock, String metric) {
        out.println("{\"_aws\":{\"Timestamp\":" + clock.millis() + ",\"CloudWatchMetrics\":[{\"Namespace\":\"" + NAMESPACE
                + "\",\"Dimensions\":[[]],\"Metrics\":[{\"Name\":\"" + metric + "\",\"Unit\":\"Count\"}]}]},\""
                + metric + "\":1}");
    }
}
