package jp.homebiyori.admin;

import com.fasterxml.jackson.databind.JsonNode;
import jp.homebiyori.api.admin.model.ApiMetrics;
import jp.homebiyori.api.admin.model.MetricsSource;
import jp.homebiyori.api.admin.model.ServiceMetrics;
import jp.homebiyori.api.admin.model.SystemMetrics;
import jp.homebiyori.common.config.AwsClients;
import jp.homebiyori.common.error.ApiException;
import jp.homebiyori.common.time.JstClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Contract test of the CloudWatch metrics source against a stand-in that speaks CloudWatch's wire
 * format as SDK 2.57.8 uses it (Smithy RPC v2 CBOR) and SQS's JSON protocol: what is asked
 * (metric names, dimensions, statistics, period, window), how the answer is mapped, and that
 * throttling, access denied and an unreachable endpoint become a 503 {@code SERVICE_UNAVAILABLE}.
 */
class CloudWatchMetricsSourceTest {

    static final String QUEUE = "https://sqs.ap-northeast-1.amazonaws.com/123456789012/prod-homebiyori-ttl-updates";
    static final String DLQ = QUEUE + "-dlq";
    private static final Instant NOW = Instant.parse("2026-11-26T03:30:42.123Z");

    private static CloudWatchStandIn standIn;
    private CloudWatchClient cloudWatch;
    private SqsClient sqs;

    @BeforeAll
    static void start() {
        standIn = new CloudWatchStandIn();
    }

    @AfterAll
    static void stop() {
        standIn.close();
    }

    @BeforeEach
    void setUp() {
        standIn.reset();
        cloudWatch = AwsClients.build(CloudWatchClient.builder(), "ap-northeast-1", Optional.of(standIn.endpoint()), Duration.ofSeconds(2));
        sqs = AwsClients.build(SqsClient.builder(), "ap-northeast-1", Optional.of(standIn.endpoint()), Duration.ofSeconds(2));
    }

    @AfterEach
    void tearDown() {
        cloudWatch.close();
        sqs.close();
    }

    static CloudWatchMetricsSettings settings() {
        Map<String, String> functions = new LinkedHashMap<>();
        functions.put("chat-service", "prod-homebiyori-chat");
        functions.put("admin-service", "prod-homebiyori-admin");
        return new CloudWatchMetricsSettings(functions, Map.of("user", "prod-homebiyori-user-api"),
                Duration.ofHours(24), Optional.of(QUEUE), Optional.of(DLQ));
    }

    private CloudWatchMetricsSource source() {
        return new CloudWatchMetricsSource(cloudWatch, sqs, settings(), new JstClock(Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    /** CloudWatch's figures for chat-service and the user API; admin-service had no invocations. */
    static void seed(CloudWatchStandIn standIn) {
        standIn.datapoints("AWS/Lambda", "Invocations", "prod-homebiyori-chat", "Sum", 100, 20);
        standIn.datapoints("AWS/Lambda", "Errors", "prod-homebiyori-chat", "Sum", 3);
        standIn.datapoints("AWS/Lambda", "Throttles", "prod-homebiyori-chat", "Sum", 2);
        standIn.datapoints("AWS/Lambda", "Duration", "prod-homebiyori-chat", "p50", 41.5);
        standIn.datapoints("AWS/Lambda", "Duration", "prod-homebiyori-chat", "p95", 250);
        standIn.datapoints("AWS/Lambda", "Duration", "prod-homebiyori-chat", "p99", 800, 900);
        standIn.datapoints("AWS/ApiGateway", "Count", "prod-homebiyori-user-api", "Sum", 1000);
        standIn.datapoints("AWS/ApiGateway", "4XXError", "prod-homebiyori-user-api", "Sum", 40);
        standIn.datapoints("AWS/ApiGateway", "5XXError", "prod-homebiyori-user-api", "Sum", 5);
        standIn.datapoints("AWS/ApiGateway", "Latency", "prod-homebiyori-user-api", "p50", 30);
        standIn.datapoints("AWS/ApiGateway", "Latency", "prod-homebiyori-user-api", "p95", 120);
        standIn.datapoints("AWS/ApiGateway", "Latency", "prod-homebiyori-user-api", "p99", 480);
        stubDepth(standIn, QUEUE, "7");
        stubDepth(standIn, DLQ, "1");
    }

    /** SQS's JSON protocol: GetQueueAttributes of one queue. */
    static void stubDepth(CloudWatchStandIn standIn, String queueUrl, String visible) {
        standIn.server().stubFor(post(urlEqualTo("/")).atPriority(2)
                .withHeader("X-Amz-Target", equalTo("AmazonSQS.GetQueueAttributes"))
                .withRequestBody(equalToJson("{\"QueueUrl\":\"" + queueUrl + "\",\"AttributeNames\":[\"ApproximateNumberOfMessages\"]}"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.0")
                        .withBody("{\"Attributes\":{\"ApproximateNumberOfMessages\":\"" + visible + "\"}}")));
    }

    @Test
    void asksForEveryFiguresMetricOnceOverTheWholeWindow_inRpcV2Cbor() {
        seed(standIn);
        source().collect();

        assertThat(standIn.requests()).hasSize(1);
        standIn.server().verify(postRequestedFor(urlEqualTo(CloudWatchStandIn.PATH))
                .withHeader("smithy-protocol", equalTo("rpc-v2-cbor"))
                .withHeader("Content-Type", equalTo("application/cbor"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.containing("/monitoring/aws4_request")));
        JsonNode request = standIn.requests().getFirst();
        long end = Instant.parse("2026-11-26T03:30:00Z").getEpochSecond();
        assertThat(request.path("EndTime").asLong()).isEqualTo(end);
        assertThat(request.path("StartTime").asLong()).isEqualTo(end - 86_400);
        assertThat(request.path("ScanBy").asText()).isEqualTo("TimestampDescending");

        Set<String> asked = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode query : request.path("MetricDataQueries")) {
            JsonNode stat = query.path("MetricStat");
            JsonNode metric = stat.path("Metric");
            assertThat(stat.path("Period").asInt()).isEqualTo(86_400);
            assertThat(query.path("ReturnData").asBoolean()).isTrue();
            assertThat(query.path("Id").asText()).matches("[a-z][a-zA-Z0-9_]*");
            assertThat(metric.path("Dimensions")).hasSize(1);
            ids.add(query.path("Id").asText());
            asked.add(metric.path("Namespace").asText() + " " + metric.path("MetricName").asText() + " "
                    + metric.path("Dimensions").path(0).path("Name").asText() + "="
                    + metric.path("Dimensions").path(0).path("Value").asText() + " " + stat.path("Stat").asText());
        }
        Set<String> expected = new HashSet<>();
        for (String function : new String[] {"prod-homebiyori-chat", "prod-homebiyori-admin"}) {
            for (String figure : new String[] {"Invocations Sum", "Errors Sum", "Throttles Sum", "Duration p50", "Duration p95", "Duration p99"}) {
                String[] parts = figure.split(" ");
                expected.add("AWS/Lambda " + parts[0] + " FunctionName=" + function + " " + parts[1]);
            }
        }
        for (String figure : new String[] {"Count Sum", "4XXError Sum", "5XXError Sum", "Latency p50", "Latency p95", "Latency p99"}) {
            String[] parts = figure.split(" ");
            expected.add("AWS/ApiGateway " + parts[0] + " ApiName=prod-homebiyori-user-api " + parts[1]);
        }
        assertThat(asked).isEqualTo(expected);
        assertThat(ids).hasSize(expected.size());

        standIn.server().verify(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AmazonSQS.GetQueueAttributes"))
                .withHeader("Content-Type", equalTo("application/x-amz-json-1.0")));
    }

    @Test
    void mapsFunctionsToServices_apisToApis_andTheQueuesVisibleMessages() {
        seed(standIn);
        SystemMetrics metrics = source().collect();

        assertThat(metrics.getSource()).isEqualTo(MetricsSource.CLOUDWATCH);
        assertThat(metrics.getGeneratedAt()).isEqualTo(JstClock.toJst(NOW));
        assertThat(metrics.getPeriodStart()).isEqualTo(JstClock.toJst(Instant.parse("2026-11-25T03:30:00Z")));
        assertThat(metrics.getServices()).extracting(ServiceMetrics::getService).containsExactly("chat-service", "admin-service");
        ServiceMetrics chat = metrics.getServices().get(0);
        assertThat(chat.getRequestCount()).isEqualTo(120);
        assertThat(chat.getErrorCount()).isEqualTo(3);
        assertThat(chat.getThrottleCount()).isEqualTo(2);
        assertThat(chat.getClientErrorCount()).isNull();
        assertThat(chat.getErrorRate()).isEqualTo(0.025);
        assertThat(chat.getLatencyMs().getP50()).isEqualTo(41.5);
        assertThat(chat.getLatencyMs().getP95()).isEqualTo(250.0);
        assertThat(chat.getLatencyMs().getP99()).isEqualTo(900.0);
        ServiceMetrics idle = metrics.getServices().get(1);
        assertThat(idle.getRequestCount()).isZero();
        assertThat(idle.getErrorRate()).isZero();
        assertThat(idle.getLatencyMs().getP99()).isZero();

        assertThat(metrics.getApis()).hasSize(1);
        ApiMetrics user = metrics.getApis().getFirst();
        assertThat(user.getApi()).isEqualTo("user");
        assertThat(user.getRequestCount()).isEqualTo(1000);
        assertThat(user.getClientErrorCount()).isEqualTo(40);
        assertThat(user.getErrorCount()).isEqualTo(5);
        assertThat(user.getErrorRate()).isEqualTo(0.005);
        assertThat(user.getLatencyMs().getP50()).isEqualTo(30.0);
        assertThat(user.getLatencyMs().getP99()).isEqualTo(480.0);

        assertThat(metrics.getTtlQueueDepth()).isEqualTo(7);
        assertThat(metrics.getTtlDlqDepth()).isEqualTo(1);
        assertThat(metrics.getAiFallbackCount()).isNull();
        assertThat(metrics.getWebhookFailures()).isNull();
    }

    @Test
    void followsNextTokenThroughEveryPage() {
        seed(standIn);
        standIn.pageSize(5);
        SystemMetrics metrics = source().collect();

        assertThat(standIn.requests()).hasSize(4);
        assertThat(standIn.requests().get(1).path("NextToken").asText()).isEqualTo("5");
        assertThat(metrics.getApis().getFirst().getLatencyMs().getP99()).isEqualTo(480.0);
        assertThat(metrics.getServices().getFirst().getRequestCount()).isEqualTo(120);
    }

    @Test
    void throttlingAndAccessDenied_areA503NamingTheAwsError() {
        seed(standIn);
        standIn.fail(400, "com.amazonaws.cloudwatch#ThrottlingException", "Throttling;Sender");
        ApiException throttled = catchThrowableOfType(ApiException.class, () -> source().collect());
        assertUnavailable(throttled, "cloudwatch", "Throttling");
        assertThat(standIn.requests()).as("the SDK retries a throttled call").hasSizeGreaterThan(1);

        standIn.fail(403, "com.amazon.coral.service#AccessDeniedException", "AccessDenied;Sender");
        assertUnavailable(catchThrowableOfType(ApiException.class, () -> source().collect()), "cloudwatch", "AccessDenied");
    }

    @Test
    void aQueueThatCannotBeRead_isA503Too() {
        seed(standIn);
        standIn.server().stubFor(post(urlEqualTo("/")).atPriority(1)
                .withHeader("X-Amz-Target", equalTo("AmazonSQS.GetQueueAttributes"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.0")
                        .withHeader("x-amzn-query-error", "AccessDenied;Sender")
                        .withBody("{\"__type\":\"com.amazon.coral.service#AccessDeniedException\",\"message\":\"not authorized\"}")));
        assertUnavailable(catchThrowableOfType(ApiException.class, () -> source().collect()), "sqs", "AccessDenied");
    }

    @Test
    void anUnreachableEndpoint_isA503() {
        CloudWatchClient nowhere = AwsClients.build(CloudWatchClient.builder(), "ap-northeast-1",
                Optional.of("http://127.0.0.1:1"), Duration.ofSeconds(1));
        CloudWatchMetricsSource source = new CloudWatchMetricsSource(nowhere, sqs, settings(), JstClock.system());
        ApiException e = catchThrowableOfType(ApiException.class, source::collect);
        assertThat(e.status()).isEqualTo(503);
        assertThat(e.details()).containsEntry("backend", "cloudwatch").containsEntry("aws_error", "SdkClientException");
        nowhere.close();
    }

    private static void assertUnavailable(ApiException e, String backend, String awsError) {
        assertThat(e).isNotNull();
        assertThat(e.status()).isEqualTo(503);
        assertThat(e.code()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(e.getMessage()).contains(backend).contains(awsError);
        assertThat(e.details()).containsEntry("backend", backend).containsEntry("aws_error", awsError)
                .containsEntry("retry_after_seconds", CloudWatchMetricsSource.RETRY_AFTER_SECONDS);
    }
}
