package jp.homebiyori.admin;

import jp.homebiyori.api.admin.model.LatencyPercentiles;
import jp.homebiyori.api.admin.model.MetricsSource;
import jp.homebiyori.api.admin.model.ServiceMetrics;
import jp.homebiyori.api.admin.model.SystemMetrics;
import jp.homebiyori.common.metrics.ProcessCounters;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.common.web.RequestMetrics;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Metrics of the serving process (a pod, or the local process that runs every service): per-service
 * request counts, error rates and latency percentiles from the common layer's lock-free request
 * statistics, AI fallbacks and webhook failures from the process counters, and the TTL queue's and its
 * DLQ's depth from SQS — left out when the queue is not configured or unreachable, so the local stack
 * still shows its figures without ElasticMQ.
 */
final class ProcessMetricsSource implements SystemMetricsSource {

    private static final Logger LOG = Logger.getLogger(ProcessMetricsSource.class.getName());
    private static final OffsetDateTime STARTED = JstClock.system().now();

    private final JstClock clock;
    private final Supplier<SqsClient> sqs;
    private final Optional<String> ttlQueueUrl;
    private final Optional<String> ttlDlqUrl;

    ProcessMetricsSource(JstClock clock, Supplier<SqsClient> sqs, Optional<String> ttlQueueUrl, Optional<String> ttlDlqUrl) {
        this.clock = clock;
        this.sqs = sqs;
        this.ttlQueueUrl = ttlQueueUrl;
        this.ttlDlqUrl = ttlDlqUrl;
    }

    @Override
    public SystemMetrics collect() {
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
            return QueueDepth.read(sqs.get(), queueUrl.get());
        } catch (RuntimeException e) {
            LOG.warning("queue depth unavailable: " + e.getClass().getSimpleName());
            return null;
        }
    }
}
