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
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Metrics of this process: per-service request counts, error rates and latency percentiles from the
 * common layer's request statistics, AI fallbacks and webhook failures from the process counters, and
 * the TTL queue's and its DLQ's depth from SQS (null when the queue is not configured or unreachable).
 */
@ApplicationScoped
public class MetricsService {

    private static final Logger LOG = Logger.getLogger(MetricsService.class.getName());
    private static final OffsetDateTime STARTED = JstClock.system().now();

    private final JstClock clock;
    private final Instance<SqsClient> sqs;
    private final Optional<String> ttlQueueUrl;
    private final Optional<String> ttlDlqUrl;

    @Inject
    public MetricsService(JstClock clock, Instance<SqsClient> sqs,
                          @ConfigProperty(name = "homebiyori.sqs.ttl-queue-url") Optional<String> ttlQueueUrl,
                          @ConfigProperty(name = "homebiyori.sqs.ttl-dlq-url") Optional<String> ttlDlqUrl) {
        this.clock = clock;
        this.sqs = sqs;
        this.ttlQueueUrl = ttlQueueUrl;
        this.ttlDlqUrl = ttlDlqUrl;
    }

    public SystemMetrics current() {
        SystemMetrics metrics = new SystemMetrics()
                .generatedAt(clock.now())
                .periodStart(STARTED)
                .source(MetricsSource.PROCESS)
                .aiFallbackCount(ProcessCounters.get(ProcessCounters.AI_FALLBACK))
                .webhookFailures(ProcessCounters.get(ProcessCounters.WEBHOOK_FAILURE))
                .ttlQueueDepth(depth(ttlQueueUrl))
                .ttlDlqDepth(depth(ttlDlqUrl));
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

    private Long depth(Optional<String> queueUrl) {
        if (queueUrl.isEmpty() || queueUrl.get().isBlank()) {
            return null;
        }
        try {
            String value = sqs.get().getQueueAttributes(b -> b.queueUrl(queueUrl.get())
                    .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                    .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
            return value == null ? null : Long.parseLong(value);
        } catch (RuntimeException e) {
            LOG.warning("queue depth unavailable: " + e.getClass().getSimpleName());
            return null;
        }
    }
}
