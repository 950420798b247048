package jp.homebiyori.common.internal;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jp.homebiyori.client.internal.model.SourceLambda;
import jp.homebiyori.common.config.InMemoryParameterStore;
import jp.homebiyori.common.config.Parameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The internal client signs its calls with SigV4 when configured to, and only then: the request a local
 * server receives carries an {@code AWS4-HMAC-SHA256} authorization for {@code execute-api} whose
 * signature, recomputed from the received method, path, signed headers and body with the SDK's signer
 * (as API Gateway does), is the same — and differs for any other body. The key header goes either way.
 */
class InternalApiSigningTest {

    private static final String KEY = "test-internal-key";
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=AKIDTEST/(\\d{8})/ap-northeast-1/execute-api/aws4_request, "
                    + "SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})");
    private static final AwsSessionCredentials CREDENTIALS =
            AwsSessionCredentials.create("AKIDTEST", "secret-test-key", "session-token-test");

    private static WireMockServer server;
    private final InMemoryParameterStore parameters = new InMemoryParameterStore(Map.of(Parameters.INTERNAL_API_KEY, KEY));

    @BeforeAll
    static void start() {
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void stub() {
        server.resetAll();
        server.stubFor(post(urlEqualTo("/prod/internal/notifications/create")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"notification_id\":\"9b2d4c7e-3a1f-4e8b-b6d5-0f7a1c2e3d4b\",\"user_id\":\"u1\","
                        + "\"type\":\"plan_changed\",\"created_at\":\"2026-11-26T09:30:00+09:00\","
                        + "\"expires_at\":\"2027-02-24T09:30:00+09:00\",\"duplicate\":false}")));
    }

    private static InternalNotifier.Request request() {
        return new InternalNotifier.Request("u1", "plan_changed", "プラン変更完了", "プレミアムプランになりました", "normal", "evt_1");
    }

    private LoggedRequest received() {
        List<LoggedRequest> requests = server.findAll(postRequestedFor(urlEqualTo("/prod/internal/notifications/create")));
        assertThat(requests).hasSize(1);
        return requests.getFirst();
    }

    @Test
    void signingOn_theServerReceivesAVerifiableSigV4Signature_overTheBody() throws Exception {
        InternalApiSigner signer = new InternalApiSigner(StaticCredentialsProvider.create(CREDENTIALS), "ap-northeast-1", Clock.systemUTC());
        assertThat(new InternalNotifier(parameters, server.baseUrl() + "/prod", signer)
                .notify(SourceLambda.TTL_UPDATER, request())).isTrue();

        LoggedRequest got = received();
        assertThat(got.getHeader("X-API-Key")).isEqualTo(KEY);
        assertThat(got.getHeader("X-Amz-Security-Token")).isEqualTo("session-token-test");
        String amzDate = got.getHeader("X-Amz-Date");
        assertThat(amzDate).matches("\\d{8}T\\d{6}Z");
        assertThat(got.getHeader("x-amz-content-sha256"))
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(got.getBody())));

        Matcher authorization = AUTHORIZATION.matcher(got.getHeader("Authorization"));
        assertThat(authorization.matches()).as(got.getHeader("Authorization")).isTrue();
        assertThat(authorization.group(1)).isEqualTo(amzDate.substring(0, 8));
        List<String> signedHeaders = List.of(authorization.group(2).split(";"));
        assertThat(signedHeaders).contains("host", "x-amz-date", "x-amz-content-sha256", "x-amz-security-token",
                "x-api-key", "x-source-lambda", "content-type");

        Instant signedAt = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssX").parse(amzDate, Instant::from);
        assertThat(recomputedSignature(got, signedHeaders, got.getBody(), signedAt)).isEqualTo(authorization.group(3));
        byte[] otherBody = (got.getBodyAsString() + " ").getBytes(StandardCharsets.UTF_8);
        assertThat(recomputedSignature(got, signedHeaders, otherBody, signedAt)).isNotEqualTo(authorization.group(3));
    }

    @Test
    void signingOff_sendsTheKeyAndTheSource_andNoSignature() {
        assertThat(new InternalNotifier(parameters, server.baseUrl() + "/prod")
                .notify(SourceLambda.WEBHOOK_SERVICE, request())).isTrue();

        LoggedRequest got = received();
        assertThat(got.getHeader("X-API-Key")).isEqualTo(KEY);
        assertThat(got.getHeader("X-Source-Lambda")).isEqualTo("webhook-service");
        assertThat(got.containsHeader("Authorization")).isFalse();
        assertThat(got.containsHeader("X-Amz-Date")).isFalse();
    }

    /** What a verifier computes from the received request: the SDK's SigV4 over exactly the signed headers. */
    private static String recomputedSignature(LoggedRequest got, List<String> signedHeaders, byte[] body, Instant at) {
        SdkHttpRequest.Builder request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.fromValue(got.getMethod().getName()))
                .uri(URI.create(got.getAbsoluteUrl()));
        for (String name : signedHeaders) {
            if (!name.equals("x-amz-date") && !name.equals("x-amz-content-sha256")) {
                request.putHeader(name, got.getHeader(name));
            }
        }
        String signed = AwsV4HttpSigner.create().sign(r -> r
                        .identity(CREDENTIALS)
                        .request(request.build())
                        .payload(ContentStreamProvider.fromByteArray(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "ap-northeast-1")
                        .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC)))
                .request().firstMatchingHeader("Authorization").orElseThrow();
        Matcher m = AUTHORIZATION.matcher(signed);
        assertThat(m.matches()).isTrue();
        assertThat(m.group(2)).as("the verifier signs the same headers").isEqualTo(String.join(";", signedHeaders));
        return m.group(3);
    }
}
