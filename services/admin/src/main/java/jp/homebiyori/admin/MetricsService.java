package jp.homebiyori.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jp.homebiyori.api.admin.model.LatencyPercentiles;
import jp.homebiyori.api.admin.model.MetricsSource;
import jp.homebiyori.api.admin.model.ServiceMetrics;
import jp.homebiyori.api.admin.model.SystemMetrics;
import jp.homebiyori.common.metrics.ProcessCounters;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.common.web.RequestMetrics;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The metrics port of {@code GET /api/admin/metrics}, by {@code homebiyori.metrics.source}:
 * <ul>
 *   <li>{@code process} (default; pods and the local process, where the admin API's process serves —
 *       or, in a pod, sees — the traffic it reports): per-service request counts, error rates and latency
 *       percentiles from the common layer's request statistics, AI fallbacks, rejected AI replies and webhook failures from the
 *       process counters;</li>
 *   <li>{@code cloudwatch} (AWS, where every service is its own Lambda and one function's memory says
 *       nothing of the other eight): {@link CloudWatchMetrics}.</li>
 * </ul>
 * Both add the TTL queue's and its DLQ's depth from SQS.
 */
@ApplicationScoped
public class MetricsService {

    private static final OffsetDateTime STARTED = JstClock.system().now();

    private final JstClock clock;
    private final QueueDepths queues;
    private final Instance<CloudWatchMetrics> cloudWatch;
    private final boolean fromCloudWatch;

    @Inject
    public MetricsService(JstClock clock, QueueDepths queues, Instance<CloudWatchMetrics> cloudWatch,
                          @ConfigProperty(name = "homebiyori.metrics.source", defaultValue = "process") String source) {
        this.clock = clock;
        this.queues = queues;
        this.cloudWatch = cloudWatch;
        if (!source.equals("process") && !source.equals("cloudwatch")) {
            throw new IllegalArgumentException("homebiyori.metrics.source must be process or cloudwatch, not " + source);
        }
        this.fromCloudWatch = source.equals("cloudwatch");
    }

    public SystemMetrics current() {
        SystemMetrics metrics = fromCloudWatch ? cloudWatch.get().current() : process();
        return metrics.ttlQueueDepth(queues.ttlQueue()).ttlDlqDepth(queues.ttlDeadLetterQueue());
    }

    private SystemMetrics process() {
        SystemMetrics metrics = new SystemMetrics()
                .generatedAt(clock.now())
                .periodStart(STARTED)
                .source(MetricsSource.PROCESS)
                .aiFallbackCount(ProcessCounters.get(ProcessCounters.AI_FALLBACK))
                .aiReplyRejectedCount(ProcessCounters.get(ProcessCounters.AI_REPLY_REJECTED))
                .webhookFailures(ProcessCounters.get(ProcessCounters.WEBHOOK_FAILURE));
        RequestMetrics.snapshot().entrySet().stream()
                .filter(e -> !e.getKey().equals("-"))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> metrics.addServicesItem(service(e.getKey(), e.getValue())));
        return metrics;
    }

    private static ServiceMetrics service(String name, RequestMetrics.ServiceStats stats) {
        long requests = stats.requests();
        return new ServiceMetrics()
                .service(name)
                .requestCount(requests)
                .errorCount(stats.serverErrors())
                .clientErrorCount(stats.clientErrors())
                .errorRate(requests == 0 ? 0.0 : (double) stats.serverErrors() / requests)
                .latencyMs(new LatencyPercentiles()
                        .p50(stats.percentileMillis(0.50))
                        .p95(stats.percentileMillis(0.95))
                        .p99(stats.percentileMillis(0.99)));
    }
}
