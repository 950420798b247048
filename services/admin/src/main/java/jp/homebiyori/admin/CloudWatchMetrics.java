package jp.homebiyori.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.homebiyori.api.admin.model.ApiMetrics;
import jp.homebiyori.api.admin.model.FunctionMetrics;
import jp.homebiyori.api.admin.model.LatencyPercentiles;
import jp.homebiyori.api.admin.model.MetricsSource;
import jp.homebiyori.api.admin.model.SystemMetrics;
import jp.homebiyori.common.config.AwsClients;
import jp.homebiyori.common.error.ApiException;
import jp.homebiyori.common.metrics.EmbeddedMetrics;
import jp.homebiyori.common.time.JstClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The metrics of the deployed backend from CloudWatch, in one {@code GetMetricData} call (paged): per
 * function of {@code homebiyori.metrics.functions} (AWS/Lambda Invocations, Errors, Throttles — Sum —
 * and Duration p50/p95/p99) and per API of {@code homebiyori.metrics.apis} (AWS/ApiGateway Count,
 * 4XXError, 5XXError — Sum — and Latency p50/p95/p99), over the last
 * {@code homebiyori.metrics.window-hours} as one period; plus the AI fallbacks and webhook failures the
 * functions publish as embedded metrics (namespace {@code Homebiyori}, summed over all functions). A metric without data points is 0 (nothing
 * happened). CloudWatch unreachable or refusing: 503 {@code SERVICE_UNAVAILABLE}, never a 500. Needs only
 * {@code cloudwatch:GetMetricData}.
 */
@ApplicationScoped
public class CloudWatchMetrics {

    private static final Logger LOG = Logger.getLogger(CloudWatchMetrics.class.getName());
    private static final String[] PERCENTILES = {"p50", "p95", "p99"};

    private final List<String> functions;
    private final List<String> apis;
    private final Duration window;
    private final JstClock clock;
    private final Supplier<CloudWatchClient> client;
    private volatile CloudWatchClient built;

    @Inject
    public CloudWatchMetrics(@ConfigProperty(name = "homebiyori.metrics.functions") Optional<String> functions,
                             @ConfigProperty(name = "homebiyori.metrics.apis") Optional<String> apis,
                             @ConfigProperty(name = "homebiyori.metrics.window-hours", defaultValue = "24") int windowHours,
                             @ConfigProperty(name = "homebiyori.aws.region", defaultValue = "ap-northeast-1") String region,
                             @ConfigProperty(name = "homebiyori.cloudwatch.endpoint") Optional<String> endpoint,
                             JstClock clock) {
        // comma-separated strings, not lists: Helidon refuses a missing list-valued key at start-up
        this(list(functions.orElse("")), list(apis.orElse("")), Duration.ofHours(windowHours), clock,
                () -> AwsClients.build(CloudWatchClient.builder(), region, endpoint, Duration.ofSeconds(5)));
    }

    CloudWatchMetrics(List<String> functions, List<String> apis, Duration window, JstClock clock, Supplier<CloudWatchClient> client) {
        if (window.isZero() || window.isNegative() || window.toSeconds() % 60 != 0) {
            throw new IllegalArgumentException("the metrics window must be a positive whole number of minutes");
        }
        this.functions = functions;
        this.apis = apis;
        this.window = window;
        this.clock = clock;
        this.client = client;
    }

    private static List<String> list(String csv) {
        return List.of(csv.split(",")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private CloudWatchClient client() {
        CloudWatchClient current = built;
        if (current == null) {
            synchronized (this) {
                if (built == null) {
                    built = client.get();
                }
                current = built;
            }
        }
        return current;
    }

    public SystemMetrics current() {
        Instant end = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        Instant start = end.minus(window);
        List<MetricDataQuery> queries = new ArrayList<>();
        ask(queries, LAMBDA, functions);
        ask(queries, API_GATEWAY, apis);
        // the functions' counter events, published as embedded metrics (EmbeddedMetrics), added up
        queries.add(query("x_ai_fallback", EmbeddedMetrics.NAMESPACE, "AiFallback", null, "Sum"));
        queries.add(query("x_ai_reply_rejected", EmbeddedMetrics.NAMESPACE, "AiReplyRejected", null, "Sum"));
        queries.add(query("x_webhook_failures", EmbeddedMetrics.NAMESPACE, "WebhookFailure", null, "Sum"));
        Map<String, List<Double>> values = fetch(queries, start, end);

        SystemMetrics metrics = new SystemMetrics()
                .generatedAt(clock.now())
                .periodStart(JstClock.toJst(start))
                .source(MetricsSource.CLOUDWATCH)
                .services(new ArrayList<>())
                .aiFallbackCount(sum(values, "x_ai_fallback"))
                .aiReplyRejectedCount(sum(values, "x_ai_reply_rejected"))
                .webhookFailures(sum(values, "x_webhook_failures"))
                .functions(new ArrayList<>())
                .apis(new ArrayList<>());
        for (int i = 0; i < functions.size(); i++) {
            String id = "f" + i;
            metrics.addFunctionsItem(new FunctionMetrics()
                    .function(functions.get(i))
                    .invocations(sum(values, id + "_invocations"))
                    .errors(sum(values, id + "_errors"))
                    .throttles(sum(values, id + "_throttles"))
                    .durationMs(percentiles(values, id + "_duration_")));
        }
        for (int i = 0; i < apis.size(); i++) {
            String id = "a" + i;
            metrics.addApisItem(new ApiMetrics()
                    .api(apis.get(i))
                    .requestCount(sum(values, id + "_count"))
                    .clientErrorCount(sum(values, id + "_4xx"))
                    .serverErrorCount(sum(values, id + "_5xx"))
                    .latencyMs(percentiles(values, id + "_latency_")));
        }
        return metrics;
    }

    /** A metric summed over the period, and the id suffix its values come back under. */
    private record Sum(String id, String metric) {
    }

    /** What is asked about each resource of one kind: some sums, and one timing's percentiles. */
    private record Family(String idPrefix, String namespace, String dimension, List<Sum> sums, String timingId, String timingMetric) {
    }

    private static final Family LAMBDA = new Family("f", "AWS/Lambda", "FunctionName",
            List.of(new Sum("invocations", "Invocations"), new Sum("errors", "Errors"), new Sum("throttles", "Throttles")),
            "duration", "Duration");
    private static final Family API_GATEWAY = new Family("a", "AWS/ApiGateway", "ApiName",
            List.of(new Sum("count", "Count"), new Sum("4xx", "4XXError"), new Sum("5xx", "5XXError")),
            "latency", "Latency");

    /** The queries of one family for each named resource: ids {@code <prefix><index>_<sum>} and {@code _<timing>_p50…}. */
    private void ask(List<MetricDataQuery> queries, Family family, List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            Dimension dimension = Dimension.builder().name(family.dimension()).value(names.get(i)).build();
            String id = family.idPrefix() + i + "_";
            for (Sum sum : family.sums()) {
                queries.add(query(id + sum.id(), family.namespace(), sum.metric(), dimension, "Sum"));
            }
            for (String p : PERCENTILES) {
                queries.add(query(id + family.timingId() + "_" + p, family.namespace(), family.timingMetric(), dimension, p));
            }
        }
    }

    private MetricDataQuery query(String id, String namespace, String name, Dimension dimension, String stat) {
        Metric.Builder metric = Metric.builder().namespace(namespace).metricName(name);
        if (dimension != null) {
            metric.dimensions(dimension);
        }
        return MetricDataQuery.builder().id(id).returnData(true)
                .metricStat(MetricStat.builder()
                        .metric(metric.build())
                        .period((int) window.toSeconds())
                        .stat(stat)
                        .build())
                .build();
    }

    /** Values by query id, over every page. */
    private Map<String, List<Double>> fetch(List<MetricDataQuery> queries, Instant start, Instant end) {
        Map<String, List<Double>> values = new HashMap<>();
        if (queries.isEmpty()) {
            return values;
        }
        try {
            String next = null;
            do {
                String token = next;
                GetMetricDataResponse page = client().getMetricData(b -> b.metricDataQueries(queries)
                        .startTime(start).endTime(end).nextToken(token));
                for (MetricDataResult result : page.metricDataResults()) {
                    values.computeIfAbsent(result.id(), k -> new ArrayList<>()).addAll(result.values());
                }
                next = page.nextToken();
            } while (next != null && !next.isEmpty());
        } catch (SdkException e) {
            LOG.warning("CloudWatch metrics unavailable: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")));
            throw ApiException.unavailable("metrics cannot be read from CloudWatch now", 30);
        }
        return values;
    }

    private static long sum(Map<String, List<Double>> values, String id) {
        return Math.round(values.getOrDefault(id, List.of()).stream().mapToDouble(Double::doubleValue).sum());
    }

    /** One period per query: the first value is the percentile; none means no data (0). */
    private static LatencyPercentiles percentiles(Map<String, List<Double>> values, String prefix) {
        return new LatencyPercentiles()
                .p50(first(values, prefix + "p50"))
                .p95(first(values, prefix + "p95"))
                .p99(first(values, prefix + "p99"));
    }

    private static double first(Map<String, List<Double>> values, String id) {
        List<Double> list = values.getOrDefault(id, List.of());
        return list.isEmpty() ? 0.0 : list.get(0);
    }
}
