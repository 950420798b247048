package jp.homebiyori.webhook;

import io.helidon.microprofile.server.ServerCdiExtension;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jp.homebiyori.testkit.HeldBackUpload;
import jp.homebiyori.testkit.RawHttp;
import jp.homebiyori.testkit.StripeEvents;
import jp.homebiyori.testkit.TestStack;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static jp.homebiyori.testkit.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19: a 60 MB body with a bogus signature was read whole (2.5 s, ~690 MB of heap) before its 401. Now
 * the webhook's own limit (1 MiB) refuses it with 413 {@code PAYLOAD_TOO_LARGE} before the body is read:
 * the answer arrives while most of the body is still held back by the client (without the limit the server
 * waits for the rest and the upload never gets an answer within its patience).
 */
@HelidonTest
class WebhookBodyLimitTest {

    private static final long MIB = 1024 * 1024;
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @AddConfigSource
    static ConfigSource config() {
        return TestStack.configSource(Map.of("homebiyori.parameters.stripe.webhook_secret", StripeEvents.TEST_WEBHOOK_SECRET));
    }

    @Inject
    private ServerCdiExtension server;

    @Test
    void sixtyMegabytesDeclared_isRefusedAt413_beforeTheBodyIsSent() {
        HeldBackUpload.Result result = HeldBackUpload.withLength(server.port(), "POST", "/api/webhook/stripe",
                Map.of("Stripe-Signature", "t=1,v1=bogus", "x-request-id", "req-webhook-413"), 60 * MIB, 2 * MIB, PATIENCE);

        assertTooLarge(result, 1 * MIB, "req-webhook-413");
    }

    @Test
    void aChunkedBodyWithoutLength_isRefusedAt413_onceItPassesTheLimit() {
        HeldBackUpload.Result result = HeldBackUpload.chunked(server.port(), "POST", "/api/webhook/stripe",
                Map.of("Stripe-Signature", "t=1,v1=bogus", "x-request-id", "req-webhook-chunked"), 3 * MIB, PATIENCE);

        assertTooLarge(result, 1 * MIB, "req-webhook-chunked");
    }

    @Test
    void aClientThatSendsItsWholeOversizedBodyFirst_stillReadsThe413() {
        String payload = "{\"pad\":\"" + "a".repeat(3 * 1024 * 1024) + "\"}";
        for (int i = 0; i < 10; i++) {
            RawHttp.Reply reply = RawHttp.send(server.port(), "POST", "/api/webhook/stripe", "application/json", payload,
                    Map.of("Stripe-Signature", "t=1,v1=bogus"));
            assertError(reply, 413, "PAYLOAD_TOO_LARGE");
        }
    }

    @Test
    void aBodyUnderTheLimit_stillReachesTheSignatureCheck() {
        String payload = "{\"id\":\"evt_1\",\"object\":\"event\",\"pad\":\"" + "a".repeat(200_000) + "\"}";
        assertError(RawHttp.send(server.port(), "POST", "/api/webhook/stripe", "application/json", payload,
                Map.of("Stripe-Signature", "t=1,v1=deadbeef")), 401, "INVALID_SIGNATURE");
    }

    static void assertTooLarge(HeldBackUpload.Result result, long limit, String requestId) {
        assertThat(result.answered()).as("an answer before the whole body was sent").isTrue();
        assertThat(result.status()).as(result.body()).isEqualTo(413);
        assertThat(result.header("Content-Type")).startsWith("application/json");
        assertThat(result.json().path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(result.json().path("request_id").asText()).isEqualTo(requestId);
        assertThat(result.json().path("details").path("limit_bytes").asLong()).isEqualTo(limit);
        assertThat(result.header("x-request-id")).isEqualTo(requestId);
        assertThat(result.header("Connection")).isEqualToIgnoringCase("close");
        assertThat(result.closedByServer()).as("the server ends the connection rather than draining the body").isTrue();
        assertThat(result.bytesSentBeforeAnswer()).as("bytes the client had sent when the answer came")
                .isLessThanOrEqualTo(3 * MIB);
    }
}
