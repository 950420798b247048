package jp.homebiyori.admin;

import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.helidon.microprofile.server.ServerCdiExtension;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jp.homebiyori.client.admin.ApiException;
import jp.homebiyori.client.admin.api.AdminApi;
import jp.homebiyori.client.admin.model.MetricsSource;
import jp.homebiyori.client.admin.model.SystemMetrics;
import jp.homebiyori.testkit.ApiClients;
import jp.homebiyori.testkit.TestStack;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static jp.homebiyori.testkit.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@code GET /api/admin/metrics} configured as in AWS ({@code homebiyori.metrics.source=cloudwatch}): the
 * answer comes from the CloudWatch stand-in and conforms to the admin API (the test kit's client checks it).
 */
@HelidonTest
class CloudWatchMetricsEndpointTest {

    private static final WireMockServer CLOUDWATCH = start();

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return server;
    }

    @AfterAll
    static void stop() {
        CLOUDWATCH.stop();
    }

    @AddConfigSource
    static ConfigSource config() {
        return TestStack.configSource(Map.of(
                "homebiyori.metrics.source", "cloudwatch",
                "homebiyori.metrics.functions", "prod-homebiyori-chat-service,prod-homebiyori-tree-service",
                "homebiyori.metrics.apis", "prod-user-api,prod-admin-api",
                "homebiyori.cloudwatch.endpoint", CLOUDWATCH.baseUrl()));
    }

    @Inject
    private ServerCdiExtension server;

    private AdminApi admin() {
        return new AdminApi(ApiClients.admin(server.port(), TestStack.adminToken("ops-1")));
    }

    private static void answer(int status, Object body) throws Exception {
        CLOUDWATCH.resetAll();
        CLOUDWATCH.stubFor(post(urlEqualTo("/service/GraniteServiceVersion20100801/operation/GetMetricData"))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/cbor")
                        .withHeader("smithy-protocol", "rpc-v2-cbor").withBody(new CBORMapper().writeValueAsBytes(body))));
    }

    @Test
    void metrics_comeFromCloudWatch_perFunctionAndPerApi() throws Exception {
        answer(200, Map.of("MetricDataResults", List.of(
                Map.of("Id", "f1_invocations", "Values", List.of(42.0), "StatusCode", "Complete"),
                Map.of("Id", "a1_5xx", "Values", List.of(2.0), "StatusCode", "Complete"))));
        SystemMetrics metrics = admin().getMetrics();
        assertThat(metrics.getSource()).isEqualTo(MetricsSource.CLOUDWATCH);
        assertThat(metrics.getFunctions()).hasSize(2);
        assertThat(metrics.getFunctions().get(1).getFunction()).isEqualTo("prod-homebiyori-tree-service");
        assertThat(metrics.getFunctions().get(1).getInvocations()).isEqualTo(42);
        assertThat(metrics.getApis().get(1).getServerErrorCount()).isEqualTo(2);
        assertThat(metrics.getServices()).isEmpty();
    }

    @Test
    void cloudWatchRefusing_isA503WithTheErrorBody() throws Exception {
        answer(403, Map.of("__type", "com.amazonaws.cloudwatch#AccessDeniedException", "message", "not authorized"));
        ApiException e = catchThrowableOfType(ApiException.class, () -> admin().getMetrics());
        assertError(e.getCode(), e.getResponseBody(), 503, "SERVICE_UNAVAILABLE");
    }
}
