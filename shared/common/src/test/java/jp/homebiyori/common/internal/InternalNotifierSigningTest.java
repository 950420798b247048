package jp.homebiyori.common.internal;

import com.sun.net.httpserver.HttpServer;
import jp.homebiyori.client.internal.model.SourceLambda;
import jp.homebiyori.common.config.InMemoryParameterStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The internal client as it calls API Gateway in AWS: signed with SigV4 when configured, the stage path kept,
 * the key and source headers sent either way. The signature is checked by signing what the server received
 * again, with the same credentials and clock: it must come out the same.
 */
class InternalNotifierSigningTest {

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:34:56Z"), ZoneOffset.UTC);

    /** One request as the server saw it. */
    record Received(String method, String path, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private HttpServer server;
    private volatile Received received;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            received = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), headers,
                    exchange.getRequestBody().readAllBytes());
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String stage() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/prod";
    }

    private InternalNotifier notifier(boolean signed) {
        return new InternalNotifier(new InMemoryParameterStore(Map.of("internal/api_key", "key-0123456789")), stage(),
                signed ? CREDENTIALS : null, "ap-northeast-1", CLOCK);
    }

    private static InternalNotifier.Request request() {
        return new InternalNotifier.Request("u-1", "plan_changed", "プランが変わりました", "ありがとうございます", "normal", "dedup-1");
    }

    @Test
    void signed_theRequestCarriesAValidSigV4SignatureOverWhatWasSent_andKeepsTheStagePath() {
        notifier(true).notify(SourceLambda.WEBHOOK_SERVICE, request());

        assertThat(received.path()).isEqualTo("/prod/internal/notifications/create");
        assertThat(received.header("X-API-Key")).isEqualTo("key-0123456789");
        assertThat(received.header("X-Source-Lambda")).isEqualTo("webhook-service");
        assertThat(received.header("X-Amz-Date")).isEqualTo("20261126T123456Z");
        String authorization = received.header("Authorization");
        assertThat(authorization).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261126/ap-northeast-1/execute-api/aws4_request, SignedHeaders=");
        List<String> signedHeaders = List.of(authorization.replaceAll(".*SignedHeaders=([^,]+),.*", "$1").split(";"));
        assertThat(signedHeaders).contains("host", "x-amz-date", "x-api-key", "x-source-lambda", "content-type");

        assertThat(authorization).isEqualTo(signAgain(received, signedHeaders));
    }

    @Test
    void signed_aTamperedBody_wouldNotVerify() {
        notifier(true).notify(SourceLambda.TTL_UPDATER, request());
        List<String> signedHeaders = List.of(received.header("Authorization").replaceAll(".*SignedHeaders=([^,]+),.*", "$1").split(";"));
        Received tampered = new Received(received.method(), received.path(), received.headers(),
                new String(received.body()).replace("u-1", "u-2").getBytes());
        assertThat(signAgain(tampered, signedHeaders)).isNotEqualTo(received.header("Authorization"));
    }

    @Test
    void theKeptClient_signsEveryCall_andReadsTheKeyEachTime() {
        InMemoryParameterStore parameters = new InMemoryParameterStore(Map.of("internal/api_key", "key-0123456789"));
        InternalNotifier notifier = new InternalNotifier(parameters, stage(), CREDENTIALS, "ap-northeast-1", CLOCK);
        notifier.notify(SourceLambda.WEBHOOK_SERVICE, request());
        parameters.put("internal/api_key", "rotated-key-0123456789", true);
        notifier.notify(SourceLambda.WEBHOOK_SERVICE, request());
        assertThat(received.header("X-API-Key")).isEqualTo("rotated-key-0123456789");
        List<String> signedHeaders = List.of(received.header("Authorization").replaceAll(".*SignedHeaders=([^,]+),.*", "$1").split(";"));
        assertThat(received.header("Authorization")).isEqualTo(signAgain(received, signedHeaders));
    }

    @Test
    void unsigned_sendsTheKeyAndSourceOnly() {
        notifier(false).notify(SourceLambda.TTL_UPDATER, request());
        assertThat(received.path()).isEqualTo("/prod/internal/notifications/create");
        assertThat(received.header("X-API-Key")).isEqualTo("key-0123456789");
        assertThat(received.header("Authorization")).isNull();
        assertThat(received.header("X-Amz-Date")).isNull();
    }

    /** The Authorization header the signer computes for the received request's signed headers and body. */
    private String signAgain(Received request, List<String> signedHeaders) {
        SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(request.method()))
                .uri(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + request.path()));
        signedHeaders.stream().filter(h -> !h.equals("host") && !h.equals("x-amz-date"))
                .forEach(h -> unsigned.putHeader(h, request.header(h)));
        return AwsV4HttpSigner.create().sign(r -> r.identity(CREDENTIALS.resolveCredentials())
                        .request(unsigned.build())
                        .payload(ContentStreamProvider.fromByteArray(request.body()))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "ap-northeast-1")
                        .putProperty(HttpSigner.SIGNING_CLOCK, CLOCK))
                .request().firstMatchingHeader("Authorization").orElseThrow();
    }
}
