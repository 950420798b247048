package jp.homebiyori.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.microprofile.server.ServerCdiExtension;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jp.homebiyori.client.admin.api.AdminApi;
import jp.homebiyori.client.admin.model.MetricsSource;
import jp.homebiyori.client.admin.model.SystemMetrics;
import jp.homebiyori.testkit.ApiClients;
import jp.homebiyori.testkit.RawHttp;
import jp.homebiyori.testkit.TestStack;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static jp.homebiyori.testkit.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/admin/metrics} of a server configured as in AWS ({@code homebiyori.metrics.source=cloudwatch}),
 * reading the CloudWatch and SQS stand-in: the figures in the spec's shape, and a CloudWatch refusal
 * as the spec's 503 {@code Error} body with {@code Retry-After} — not a 500, no stack trace.
 */
@HelidonTest
class AdminCloudWatchMetricsTest {

    private static final CloudWatchStandIn STAND_IN = new CloudWatchStandIn();

    @AddConfigSource
    static ConfigSource config() {
        return TestStack.configSource(Map.of(
                "homebiyori.metrics.source", "cloudwatch",
                "homebiyori.metrics.cloudwatch.functions", "chat-service=prod-homebiyori-chat,admin-service=prod-homebiyori-admin",
                "homebiyori.metrics.cloudwatch.apis", "user=prod-homebiyori-user-api",
                "homebiyori.aws.cloudwatch.endpoint", STAND_IN.endpoint(),
                "homebiyori.sqs.endpoint", STAND_IN.endpoint(),
                "homebiyori.sqs.ttl-queue-url", CloudWatchMetricsSourceTest.QUEUE,
                "homebiyori.sqs.ttl-dlq-url", CloudWatchMetricsSourceTest.DLQ));
    }

    @Inject
    private ServerCdiExtension server;

    @AfterAll
    static void stop() {
        STAND_IN.close();
    }

    @BeforeEach
    void seed() {
        STAND_IN.reset();
        CloudWatchMetricsSourceTest.seed(STAND_IN);
    }

    @Test
    void metrics_comeFromCloudWatch_inTheSpecsShape() throws Exception {
        SystemMetrics metrics = new AdminApi(ApiClients.admin(server.port(), TestStack.adminToken("ops-1"))).getMetrics();
        assertThat(metrics.getSource()).isEqualTo(MetricsSource.CLOUDWATCH);
        assertThat(metrics.getServices()).hasSize(2);
        assertThat(metrics.getServices().getFirst().getThrottleCount()).isEqualTo(2);
        assertThat(metrics.getApis().getFirst().getClientErrorCount()).isEqualTo(40);
        assertThat(metrics.getTtlQueueDepth()).isEqualTo(7);

        RawHttp.Reply raw = RawHttp.get(server.port(), "/api/admin/metrics", RawHttp.bearer(TestStack.adminToken("ops-1")));
        assertThat(raw.json().path("services").path(0).has("client_error_count")).isFalse();
        assertThat(raw.json().has("ai_fallback_count")).isFalse();
    }

    @Test
    void accessDenied_isA503ErrorBody_withRetryAfter_andNoStackTrace() {
        STAND_IN.fail(403, "com.amazon.coral.service#AccessDeniedException", "AccessDenied;Sender");
        RawHttp.Reply reply = RawHttp.get(server.port(), "/api/admin/metrics", RawHttp.bearer(TestStack.adminToken("ops-1")));
        JsonNode body = assertError(reply, 503, "SERVICE_UNAVAILABLE");
        assertThat(reply.header("Retry-After")).isEqualTo("30");
        assertThat(body.path("message").asText()).contains("cloudwatch").contains("AccessDenied");
        assertThat(body.path("details").path("aws_error").asText()).isEqualTo("AccessDenied");
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at jp.");
    }

    @Test
    void aUserTokenStillGetsA401_beforeAnyCloudWatchCall() {
        RawHttp.Reply reply = RawHttp.get(server.port(), "/api/admin/metrics", RawHttp.bearer(TestStack.userToken("u1")));
        assertError(reply, 401, "UNAUTHORIZED");
        assertThat(STAND_IN.requests()).isEmpty();
    }
}
