package jp.homebiyori.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jp.homebiyori.api.admin.model.FunctionMetrics;
import jp.homebiyori.api.admin.model.MetricsSource;
import jp.homebiyori.api.admin.model.SystemMetrics;
import jp.homebiyori.common.config.AwsClients;
import jp.homebiyori.common.error.ApiException;
import jp.homebiyori.common.time.JstClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The CloudWatch adapter against a stand-in speaking CloudWatch's wire format as SDK 2.57 uses it: Smithy
 * RPC v2 CBOR ({@code POST /service/GraniteServiceVersion20100801/operation/GetMetricData}, CBOR bodies,
 * {@code smithy-protocol: rpc-v2-cbor}). Checks the queries sent and the mapping of the answer.
 */
class CloudWatchMetricsTest {

    private static final String PATH = "/service/GraniteServiceVersion20100801/operation/GetMetricData";
    private static final CBORMapper CBOR = new CBORMapper();
    private static final Instant NOW = Instant.parse("2026-11-26T12:34:56Z");
    private static WireMockServer cloudWatch;

    private CloudWatchMetrics metrics;

    @BeforeAll
    static void start() {
        cloudWatch = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        cloudWatch.start();
    }

    @AfterAll
    static void stop() {
        cloudWatch.stop();
    }

    @BeforeEach
    void setUp() {
        cloudWatch.resetAll();
        metrics = new CloudWatchMetrics(List.of("prod-homebiyori-chat-service", "prod-homebiyori-health-check"),
                List.of("prod-user-api"), Duration.ofHours(24), new JstClock(Clock.fixed(NOW, ZoneOffset.UTC)),
                () -> AwsClients.build(CloudWatchClient.builder(), "ap-northeast-1", Optional.of(cloudWatch.baseUrl()), Duration.ofSeconds(2)));
    }

    private static void answer(int status, Object body) throws Exception {
        cloudWatch.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/cbor")
                .withHeader("smithy-protocol", "rpc-v2-cbor")
                .withBody(CBOR.writeValueAsBytes(body))));
    }

    private static Map<String, Object> result(String id, double... values) {
        List<Double> list = new ArrayList<>();
        for (double v : values) {
            list.add(v);
        }
        return Map.of("Id", id, "Label", id, "Values", list, "StatusCode", "Complete");
    }

    @Test
    void asksForEachFunctionAndApi_inOneCall_andMapsTheAnswer() throws Exception {
        answer(200, Map.of("MetricDataResults", List.of(
                result("f0_invocations", 1520.0), result("f0_errors", 3.0), result("f0_throttles", 1.0),
                result("f0_duration_p50", 410.5), result("f0_duration_p95", 1900.0), result("f0_duration_p99", 2800.25),
                result("a0_count", 2011.0), result("a0_4xx", 120.0), result("a0_5xx", 4.0),
                result("a0_latency_p50", 35.0), result("a0_latency_p95", 250.0), result("a0_latency_p99", 900.0),
                result("x_ai_fallback", 7.0), result("x_ai_reply_rejected", 2.0, 3.0))));

        SystemMetrics m = metrics.current();

        assertThat(m.getSource()).isEqualTo(MetricsSource.CLOUDWATCH);
        assertThat(m.getPeriodStart().toInstant()).isEqualTo(Instant.parse("2026-11-25T12:34:00Z"));
        assertThat(m.getServices()).isEmpty();
        assertThat(m.getAiFallbackCount()).as("the functions' embedded metrics, added up").isEqualTo(7);
        assertThat(m.getAiReplyRejectedCount()).as("rejected replies, added up").isEqualTo(5);
        assertThat(m.getWebhookFailures()).as("no data points").isZero();
        FunctionMetrics chat = m.getFunctions().get(0);
        assertThat(chat.getFunction()).isEqualTo("prod-homebiyori-chat-service");
        assertThat(chat.getInvocations()).isEqualTo(1520);
        assertThat(chat.getErrors()).isEqualTo(3);
        assertThat(chat.getThrottles()).isEqualTo(1);
        assertThat(chat.getDurationMs().getP99()).isEqualTo(2800.25);
        FunctionMetrics idle = m.getFunctions().get(1);
        assertThat(idle.getInvocations()).as("no data points: nothing happened").isZero();
        assertThat(idle.getDurationMs().getP50()).isZero();
        assertThat(m.getApis()).singleElement().satisfies(api -> {
            assertThat(api.getApi()).isEqualTo("prod-user-api");
            assertThat(api.getRequestCount()).isEqualTo(2011);
            assertThat(api.getClientErrorCount()).isEqualTo(120);
            assertThat(api.getServerErrorCount()).isEqualTo(4);
            assertThat(api.getLatencyMs().getP95()).isEqualTo(250.0);
        });

        List<LoggedRequest> sent = cloudWatch.findAll(postRequestedFor(urlEqualTo(PATH)));
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getHeader("smithy-protocol")).isEqualTo("rpc-v2-cbor");
        JsonNode request = CBOR.readTree(sent.get(0).getBody());
        JsonNode queries = request.path("MetricDataQueries");
        assertThat(queries).hasSize(2 * 6 + 6 + 3);
        JsonNode fallbacks = find(queries, "x_ai_fallback");
        assertThat(fallbacks.at("/MetricStat/Metric/Namespace").asText()).isEqualTo("Homebiyori");
        assertThat(fallbacks.at("/MetricStat/Metric/MetricName").asText()).isEqualTo("AiFallback");
        assertThat(fallbacks.at("/MetricStat/Metric/Dimensions").size()).as("no dimensions: all functions together").isZero();
        JsonNode rejected = find(queries, "x_ai_reply_rejected");
        assertThat(rejected.at("/MetricStat/Metric/Namespace").asText()).isEqualTo("Homebiyori");
        assertThat(rejected.at("/MetricStat/Metric/MetricName").asText()).isEqualTo("AiReplyRejected");
        assertThat(rejected.at("/MetricStat/Metric/Dimensions").size()).isZero();
        JsonNode p99 = find(queries, "f0_duration_p99");
        assertThat(p99.at("/MetricStat/Stat").asText()).isEqualTo("p99");
        assertThat(p99.at("/MetricStat/Period").asInt()).isEqualTo(86400);
        assertThat(p99.at("/MetricStat/Metric/Namespace").asText()).isEqualTo("AWS/Lambda");
        assertThat(p99.at("/MetricStat/Metric/MetricName").asText()).isEqualTo("Duration");
        assertThat(p99.at("/MetricStat/Metric/Dimensions/0/Name").asText()).isEqualTo("FunctionName");
        assertThat(p99.at("/MetricStat/Metric/Dimensions/0/Value").asText()).isEqualTo("prod-homebiyori-chat-service");
        JsonNode errors5xx = find(queries, "a0_5xx");
        assertThat(errors5xx.at("/MetricStat/Metric/Namespace").asText()).isEqualTo("AWS/ApiGateway");
        assertThat(errors5xx.at("/MetricStat/Metric/MetricName").asText()).isEqualTo("5XXError");
        assertThat(errors5xx.at("/MetricStat/Stat").asText()).isEqualTo("Sum");
        assertThat(errors5xx.at("/MetricStat/Metric/Dimensions/0/Name").asText()).isEqualTo("ApiName");
        assertThat(request.path("EndTime").asDouble() - request.path("StartTime").asDouble()).isEqualTo(86400.0);
    }

    @Test
    void followsNextToken_acrossPages() throws Exception {
        cloudWatch.stubFor(post(urlEqualTo(PATH)).inScenario("pages").whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/cbor").withHeader("smithy-protocol", "rpc-v2-cbor")
                        .withBody(CBOR.writeValueAsBytes(Map.of("MetricDataResults", List.of(result("f0_invocations", 10.0)), "NextToken", "page-2"))))
                .willSetStateTo("second"));
        cloudWatch.stubFor(post(urlEqualTo(PATH)).inScenario("pages").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/cbor").withHeader("smithy-protocol", "rpc-v2-cbor")
                        .withBody(CBOR.writeValueAsBytes(Map.of("MetricDataResults", List.of(result("f0_invocations", 5.0)))))));
        assertThat(metrics.current().getFunctions().get(0).getInvocations()).isEqualTo(15);
        List<LoggedRequest> sent = cloudWatch.findAll(postRequestedFor(urlEqualTo(PATH)));
        assertThat(CBOR.readTree(sent.get(1).getBody()).path("NextToken").asText()).isEqualTo("page-2");
    }

    @Test
    void accessDeniedOrThrottled_isA503_notA500() throws Exception {
        answer(400, Map.of("__type", "com.amazonaws.cloudwatch#LimitExceededException", "message", "Rate exceeded"));
        ApiException e = catchThrowableOfType(ApiException.class, () -> metrics.current());
        assertThat(e.status()).isEqualTo(503);
        assertThat(e.code()).isEqualTo("SERVICE_UNAVAILABLE");
    }

    private static JsonNode find(JsonNode queries, String id) {
        for (JsonNode q : queries) {
            if (q.path("Id").asText().equals(id)) {
                return q;
            }
        }
        throw new AssertionError("no query " + id + " in " + queries);
    }
}
