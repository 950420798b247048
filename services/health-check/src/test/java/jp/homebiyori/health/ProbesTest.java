package jp.homebiyori.health;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.microprofile.server.ServerCdiExtension;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jp.homebiyori.testkit.RawHttp;
import jp.homebiyori.testkit.TestStack;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pod's Kubernetes probes (helm/homebiyori/templates/deployments.yaml) on the running server:
 * MicroProfile Health as Helidon 4.3 serves it. The paths asserted here are the ones the chart's
 * probes use, so a Helidon upgrade that moves them (Helidon SE serves them under /observe) fails here.
 */
@HelidonTest
class ProbesTest {

    @AddConfigSource
    static ConfigSource config() {
        return TestStack.configSource(Map.of("homebiyori.parameters.app.version", "1.0.0"));
    }

    @Inject
    private ServerCdiExtension server;

    @ParameterizedTest
    @ValueSource(strings = {"/health/live", "/health/ready", "/health/started", "/health"})
    void probe_isUp_asMicroProfileHealthJson(String path) {
        RawHttp.Reply reply = RawHttp.get(server.port(), path, Map.of("Accept", "application/json"));
        assertThat(reply.status()).as(path).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body).as(path + " body " + reply.body()).isNotNull();
        assertThat(body.path("status").asText()).isEqualTo("UP");
        assertThat(body.path("checks").isArray()).isTrue();
    }

    @Test
    void readiness_ofHealthCheck_isParameterStoreOnly() {
        // health-check reads app/version and the maintenance switch; it uses neither DynamoDB nor a queue
        JsonNode body = RawHttp.get(server.port(), "/health/ready", Map.of("Accept", "application/json")).json();
        assertThat(body.path("checks").findValuesAsText("name")).containsExactly("parameter-store");
    }

    @Test
    void probes_needNoToken_andDoNotGoThroughTheApiFilters() {
        // served by Helidon's observer, not JAX-RS: no request-id header, no authentication, no maintenance 503
        RawHttp.Reply reply = RawHttp.get(server.port(), "/health/ready", Map.of());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("x-request-id")).isNull();
    }

    @Test
    void observePrefix_isNotServed_soTheChartsPathsAreTheOnlyOnes() {
        assertThat(RawHttp.get(server.port(), "/observe/health/ready", Map.of()).status()).isEqualTo(404);
    }
}
