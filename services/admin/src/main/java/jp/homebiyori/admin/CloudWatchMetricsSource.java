package jp.homebiyori.admin;

import jp.homebiyori.api.admin.model.ApiMetrics;
import jp.homebiyori.api.admin.model.LatencyPercentiles;
import jp.homebiyori.api.admin.model.MetricsSource;
import jp.homebiyori.api.admin.model.ServiceMetrics;
import jp.homebiyori.api.admin.model.SystemMetrics;
import jp.homebiyori.common.error.ApiException;
import jp.homebiyori.common.error.ErrorCode;
import jp.homebiyori.common.time.JstClock;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Metrics of the deployed backend in AWS, where each service is its own Lambda function: one
 * {@code GetMetricData} call over the last {@link CloudWatchMetricsSettings#window()} for
 * <ul>
 *   <li>each function ({@code AWS/Lambda}, dimension {@code FunctionName}): {@code Invocations},
 *       {@code Errors}, {@code Throttles} (sums) and {@code Duration} p50/p95/p99;</li>
 *   <li>each API ({@code AWS/ApiGateway}, dimension {@code ApiName}): {@code Count}, {@code 4XXError},
 *       {@code 5XXError} (sums) and {@code Latency} p50/p95/p99;</li>
 * </ul>
 * and {@code GetQueueAttributes ApproximateNumberOfMessages} of the TTL queue and its DLQ. Each query
 * has one period as long as the window, so a figure is one datapoint; should CloudWatch still split it,
 * sums are added and the highest percentile is kept (an upper bound). Throttling, access denied or an
 * unreachable endpoint is a 503 {@code SERVICE_UNAVAILABLE} naming the AWS error code — never a 500.
 */
final class CloudWatchMetricsSource implements SystemMetricsSource {

    static final long RETRY_AFTER_SECONDS = 30;

    private static final Logger LOG = Logger.getLogger(CloudWatchMetricsSource.class.getName());
    private static final String LAMBDA = "AWS/Lambda";
    private static final String API_GATEWAY = "AWS/ApiGateway";
    private static final String SUM = "Sum";
    private static final List<String> PERCENTILES = List.of("p50", "p95", "p99");

    private final CloudWatchClient cloudWatch;
    private final SqsClient sqs;
    private final CloudWatchMetricsSettings settings;
    private final JstClock clock;

    CloudWatchMetricsSource(CloudWatchClient cloudWatch, SqsClient sqs, CloudWatchMetricsSettings settings, JstClock clock) {
        this.cloudWatch = cloudWatch;
        this.sqs = sqs;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public SystemMetrics collect() {
        Instant end = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        Instant start = end.minus(settings.window());
        Map<String, List<Double>> values = read(start, end);
        SystemMetrics metrics = new SystemMetrics()
                .generatedAt(clock.now())
                .periodStart(JstClock.toJst(start))
                .source(MetricsSource.CLOUDWATCH)
                .services(new ArrayList<>())
                .ttlQueueDepth(depth(settings.ttlQueueUrl()))
                .ttlDlqDepth(depth(settings.ttlDlqUrl()));
        int i = 0;
        for (Map.Entry<String, String> function : settings.functions().entrySet()) {
            Figures f = new Figures(values, functionId(i++));
            long invocations = f.sum("inv");
            long errors = f.sum("err");
            metrics.addServicesItem(new ServiceMetrics()
                    .service(function.getKey())
                    .requestCount(invocations)
                    .errorCount(errors)
                    .throttleCount(f.sum("thr"))
                    .errorRate(rate(errors, invocations))
                    .latencyMs(f.latency()));
        }
        i = 0;
        for (Map.Entry<String, String> api : settings.apis().entrySet()) {
            Figures f = new Figures(values, apiId(i++));
            long requests = f.sum("cnt");
            long serverErrors = f.sum("c5xx");
            metrics.addApisItem(new ApiMetrics()
                    .api(api.getKey())
                    .requestCount(requests)
                    .clientErrorCount(f.sum("c4xx"))
                    .errorCount(serverErrors)
                    .errorRate(rate(serverErrors, requests))
                    .latencyMs(f.latency()));
        }
        return metrics;
    }

    /** The request of one collection: exposed to the contract test, which checks it against the wire. */
    GetMetricDataRequest request(Instant start, Instant end) {
        int period = (int) settings.window().toSeconds();
        List<MetricDataQuery> queries = new ArrayList<>();
        int i = 0;
        for (String function : settings.functions().values()) {
            String id = functionId(i++);
            Dimension dimension = Dimension.builder().name("FunctionName").value(function).build();
            queries.add(query(id + "_inv", LAMBDA, "Invocations", dimension, SUM, period));
            queries.add(query(id + "_err", LAMBDA, "Errors", dimension, SUM, period));
            queries.add(query(id + "_thr", LAMBDA, "Throttles", dimension, SUM, period));
            PERCENTILES.forEach(p -> queries.add(query(id + "_" + p, LAMBDA, "Duration", dimension, p, period)));
        }
        i = 0;
        for (String apiName : settings.apis().values()) {
            String id = apiId(i++);
            Dimension dimension = Dimension.builder().name("ApiName").value(apiName).build();
            queries.add(query(id + "_cnt", API_GATEWAY, "Count", dimension, SUM, period));
            queries.add(query(id + "_c4xx", API_GATEWAY, "4XXError", dimension, SUM, period));
            queries.add(query(id + "_c5xx", API_GATEWAY, "5XXError", dimension, SUM, period));
            PERCENTILES.forEach(p -> queries.add(query(id + "_" + p, API_GATEWAY, "Latency", dimension, p, period)));
        }
        return GetMetricDataRequest.builder()
                .startTime(start)
                .endTime(end)
                .scanBy(ScanBy.TIMESTAMP_DESCENDING)
                .metricDataQueries(queries)
                .build();
    }

    /** Every datapoint by query id, following {@code NextToken} through all pages. */
    private Map<String, List<Double>> read(Instant start, Instant end) {
        Map<String, List<Double>> values = new HashMap<>();
        try {
            for (MetricDataResult result : cloudWatch.getMetricDataPaginator(request(start, end)).metricDataResults()) {
                if (result.statusCode() == StatusCode.FORBIDDEN || result.statusCode() == StatusCode.INTERNAL_ERROR) {
                    throw unavailable("cloudwatch", result.statusCodeAsString());
                }
                values.computeIfAbsent(result.id(), id -> new ArrayList<>()).addAll(result.values());
            }
        } catch (SdkException e) {
            throw unavailable("cloudwatch", errorCode(e));
        }
        return values;
    }

    private Long depth(Optional<String> queueUrl) {
        if (queueUrl.isEmpty() || queueUrl.get().isBlank()) {
            return null;
        }
        try {
            return QueueDepth.read(sqs, queueUrl.get());
        } catch (SdkException e) {
            throw unavailable("sqs", errorCode(e));
        }
    }

    private static MetricDataQuery query(String id, String namespace, String metric, Dimension dimension,
                                         String stat, int period) {
        return MetricDataQuery.builder()
                .id(id)
                .returnData(true)
                .metricStat(s -> s.period(period).stat(stat)
                        .metric(m -> m.namespace(namespace).metricName(metric).dimensions(dimension)))
                .build();
    }

    private static String functionId(int index) {
        return "f" + index;
    }

    private static String apiId(int index) {
        return "a" + index;
    }

    private static double rate(long part, long whole) {
        return whole == 0 ? 0.0 : Math.min(1.0, (double) part / whole);
    }

    private static String errorCode(SdkException e) {
        if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                && aws.awsErrorDetails().errorCode() != null) {
            return aws.awsErrorDetails().errorCode();
        }
        return e.getClass().getSimpleName();
    }

    private static ApiException unavailable(String backend, String awsError) {
        LOG.warning("admin metrics: " + backend + " unavailable: " + awsError);
        return new ApiException(503, ErrorCode.SERVICE_UNAVAILABLE,
                "the metrics cannot be read from " + backend + " now (" + awsError + "); retry later",
                Map.of("retry_after_seconds", RETRY_AFTER_SECONDS, "backend", backend, "aws_error", awsError));
    }

    /** The datapoints of one function's or API's queries, by the query id's suffix. */
    private record Figures(Map<String, List<Double>> values, String prefix) {

        long sum(String suffix) {
            return Math.round(points(suffix).stream().mapToDouble(Double::doubleValue).sum());
        }

        double max(String suffix) {
            return points(suffix).stream().mapToDouble(Double::doubleValue).max().orElse(0.0);
        }

        LatencyPercentiles latency() {
            return new LatencyPercentiles().p50(max("p50")).p95(max("p95")).p99(max("p99"));
        }

        private List<Double> points(String suffix) {
            return values.getOrDefault(prefix + "_" + suffix, List.of());
        }
    }
}
