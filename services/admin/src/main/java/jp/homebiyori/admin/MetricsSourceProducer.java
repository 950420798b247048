package jp.homebiyori.admin;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jp.homebiyori.common.config.AwsClients;
import jp.homebiyori.common.time.JstClock;
import org.eclipse.microprofile.config.Config;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the metrics source: {@code homebiyori.metrics.source=cloudwatch} in AWS, {@code process}
 * (the default) in a pod and in the local process. The CloudWatch source reads
 * <ul>
 *   <li>{@code homebiyori.metrics.cloudwatch.functions}: {@code service=FunctionName} entries;</li>
 *   <li>{@code homebiyori.metrics.cloudwatch.apis}: {@code api=ApiName} entries (REST API names);</li>
 *   <li>{@code homebiyori.metrics.cloudwatch.window-minutes}: default 1440 (24 hours);</li>
 *   <li>{@code homebiyori.aws.cloudwatch.endpoint}: only for a stand-in;</li>
 * </ul>
 * and, like the process source, {@code homebiyori.sqs.ttl-queue-url} and {@code homebiyori.sqs.ttl-dlq-url}.
 */
@ApplicationScoped
public class MetricsSourceProducer {

    private final Config config;
    private final JstClock clock;
    private final Instance<SqsClient> sqs;
    private CloudWatchClient cloudWatch;

    @Inject
    public MetricsSourceProducer(Config config, JstClock clock, Instance<SqsClient> sqs) {
        this.config = config;
        this.clock = clock;
        this.sqs = sqs;
    }

    @Produces
    @ApplicationScoped
    public synchronized SystemMetricsSource metricsSource() {
        String source = config.getOptionalValue("homebiyori.metrics.source", String.class).orElse("process");
        Optional<String> ttlQueue = config.getOptionalValue("homebiyori.sqs.ttl-queue-url", String.class);
        Optional<String> ttlDlq = config.getOptionalValue("homebiyori.sqs.ttl-dlq-url", String.class);
        return switch (source) {
            case "process" -> new ProcessMetricsSource(clock, sqs::get, ttlQueue, ttlDlq);
            case "cloudwatch" -> {
                CloudWatchMetricsSettings settings = new CloudWatchMetricsSettings(
                        pairs("homebiyori.metrics.cloudwatch.functions"),
                        pairs("homebiyori.metrics.cloudwatch.apis"),
                        Duration.ofMinutes(config.getOptionalValue("homebiyori.metrics.cloudwatch.window-minutes", Integer.class)
                                .orElse(24 * 60)),
                        ttlQueue, ttlDlq);
                cloudWatch = AwsClients.build(CloudWatchClient.builder(),
                        config.getOptionalValue("homebiyori.aws.region", String.class).orElse("ap-northeast-1"),
                        config.getOptionalValue("homebiyori.aws.cloudwatch.endpoint", String.class),
                        Duration.ofSeconds(5));
                yield new CloudWatchMetricsSource(cloudWatch, sqs.get(), settings, clock);
            }
            default -> throw new IllegalArgumentException(
                    "homebiyori.metrics.source must be process or cloudwatch, not '" + source + "'");
        };
    }

    private Map<String, String> pairs(String key) {
        List<String> entries = config.getOptionalValues(key, String.class).orElse(List.of());
        return CloudWatchMetricsSettings.pairs(key, entries);
    }

    @PreDestroy
    synchronized void close() {
        if (cloudWatch != null) {
            cloudWatch.close();
        }
    }
}
