package jp.homebiyori.common.config;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.SsmClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** Contract test of the SSM adapter against SSM's JSON protocol (X-Amz-Target) served by WireMock. */
class SsmParameterStoreTest {

    private static WireMockServer ssm;
    private SsmParameterStore store;
    private MutableClock clock;

    @BeforeAll
    static void start() {
        ssm = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        ssm.start();
    }

    @AfterAll
    static void stop() {
        ssm.stop();
    }

    @BeforeEach
    void setUp() {
        ssm.resetAll();
        clock = new MutableClock(Instant.parse("2026-11-26T00:00:00Z"));
        SsmClient client = AwsClients.build(SsmClient.builder(), "ap-northeast-1",
                Optional.of(ssm.baseUrl()), Duration.ofSeconds(2));
        store = new SsmParameterStore(client, "prod", Duration.ofSeconds(30), clock);
    }

    @Test
    void get_readsDecryptedValueUnderTheEnvironmentPrefix_andCachesIt() {
        ssm.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonSSM.GetParameter"))
                .withRequestBody(equalToJson("{\"Name\":\"/prod/homebiyori/app/version\",\"WithDecryption\":true}"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"Parameter\":{\"Name\":\"/prod/homebiyori/app/version\",\"Type\":\"String\",\"Value\":\"1.4.2\",\"Version\":3}}")));

        assertThat(store.get("app/version")).contains("1.4.2");
        assertThat(store.get("app/version")).contains("1.4.2");
        ssm.verify(1, postRequestedFor(urlEqualTo("/")));

        clock.advance(Duration.ofSeconds(31));
        assertThat(store.get("app/version")).contains("1.4.2");
        ssm.verify(2, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void probe_readsPastTheCache_aMissingParameterIsAnAnswer_andAnErrorIsThrown() {
        ssm.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonSSM.GetParameter"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"__type\":\"ParameterNotFound\",\"message\":\"not found\"}")));
        store.probe("maintenance/enabled", Duration.ofSeconds(1));
        store.probe("maintenance/enabled", Duration.ofSeconds(1));
        ssm.verify(2, postRequestedFor(urlEqualTo("/")).withRequestBody(equalToJson("{\"Name\":\"/prod/homebiyori/maintenance/enabled\"}")));
        assertThat(store.source()).isEqualTo("ssm");

        ssm.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\":\"AccessDeniedException\",\"message\":\"no\"}")));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.probe("maintenance/enabled", Duration.ofSeconds(1)))
                .isInstanceOf(software.amazon.awssdk.services.ssm.model.SsmException.class);
    }

    @Test
    void missingParameter_isEmpty() {
        ssm.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\":\"ParameterNotFound\",\"message\":\"not found\"}")));
        assertThat(store.get("maintenance/enabled")).isEmpty();
    }

    @Test
    void put_writesOverwritingSecureString_andDropsTheCachedValue() {
        ssm.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonSSM.PutParameter"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"Version\":2,\"Tier\":\"Standard\"}")));
        store.put("internal/api_key", "k", true);
        ssm.verify(postRequestedFor(urlEqualTo("/"))
                .withRequestBody(containing("\"Type\":\"SecureString\""))
                .withRequestBody(containing("\"Overwrite\":true"))
                .withRequestBody(containing("/prod/homebiyori/internal/api_key")));
    }

    @Test
    void put_ofAnEmptyValue_deletesTheParameter_whichParameterStoreWouldRefuseToHold() {
        ssm.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonSSM.DeleteParameter"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"__type\":\"ParameterNotFound\",\"message\":\"not found\"}")));
        store.put("maintenance/message", "", false);
        ssm.verify(1, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonSSM.DeleteParameter"))
                .withRequestBody(containing("/prod/homebiyori/maintenance/message")));
        ssm.verify(0, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonSSM.PutParameter")));
    }

    @Test
    void failedRefresh_keepsServingTheLastValue() {
        ssm.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"Parameter\":{\"Name\":\"/prod/homebiyori/maintenance/enabled\",\"Type\":\"String\",\"Value\":\"true\",\"Version\":1}}")));
        assertThat(store.get("maintenance/enabled")).contains("true");
        ssm.resetAll();
        ssm.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/x-amz-json-1.1").withBody("{\"__type\":\"InternalServerError\"}")));
        clock.advance(Duration.ofMinutes(1));
        assertThat(store.get("maintenance/enabled")).contains("true");
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
