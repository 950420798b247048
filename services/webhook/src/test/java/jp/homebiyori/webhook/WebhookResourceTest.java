package jp.homebiyori.webhook;

import io.helidon.microprofile.server.ServerCdiExtension;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jp.homebiyori.client.user.api.WebhookApi;
import jp.homebiyori.client.user.model.WebhookAck;
import jp.homebiyori.client.user.model.WebhookOutcome;
import jp.homebiyori.common.maintenance.MaintenanceService;
import jp.homebiyori.common.maintenance.MaintenanceStatus;
import jp.homebiyori.testkit.ApiClients;
import jp.homebiyori.testkit.RawHttp;
import jp.homebiyori.testkit.StripeEvents;
import jp.homebiyori.testkit.TestStack;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static jp.homebiyori.testkit.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/** The webhook over HTTP: the raw body reaches the verifier byte for byte; errors are JSON; maintenance does not stop it. */
@HelidonTest
class WebhookResourceTest {

    @AddConfigSource
    static ConfigSource config() {
        return TestStack.configSource(Map.of("homebiyori.parameters.stripe.webhook_secret", StripeEvents.TEST_WEBHOOK_SECRET));
    }

    @Inject
    private ServerCdiExtension server;
    @Inject
    private MaintenanceService maintenance;

    private RawHttp.Reply post(String payload, String signature) {
        return RawHttp.send(server.port(), "POST", "/api/webhook/stripe", "application/json", payload,
                signature == null ? Map.of() : Map.of("Stripe-Signature", signature));
    }

    @Test
    void signedUnknownEvent_isAcknowledged_throughTheGeneratedClient_evenDuringMaintenance() throws Exception {
        maintenance.set(new MaintenanceStatus(true, "m", null, null));
        try {
            String payload = "{\"id\":\"evt_" + UUID.randomUUID() + "\",\"object\":\"event\",\"created\":" + System.currentTimeMillis() / 1000
                    + ",\"type\":\"charge.refunded\",\"data\":{\"object\":{\"id\":\"ch_1\"}}}";
            WebhookAck ack = new WebhookApi(ApiClients.user(server.port(), null))
                    .handleStripeWebhook(StripeEvents.signature(payload, StripeEvents.TEST_WEBHOOK_SECRET), payload);
            assertThat(ack.getOutcome()).isEqualTo(WebhookOutcome.IGNORED);
            assertThat(new WebhookApi(ApiClients.user(server.port(), null)).getWebhookHealth().getService()).isEqualTo("webhook-service");
        } finally {
            maintenance.set(new MaintenanceStatus(false, "m", null, null));
        }
    }

    @Test
    void missingSignatureHeader_is400_badSignatureOrEmptyBody_is401() {
        String payload = "{\"id\":\"evt_1\",\"object\":\"event\",\"created\":1,\"type\":\"x\",\"data\":{\"object\":{}}}";
        assertError(post(payload, null), 400, "VALIDATION_ERROR");
        assertError(post(payload, "t=1,v1=deadbeef"), 401, "INVALID_SIGNATURE");
        assertError(RawHttp.send(server.port(), "POST", "/api/webhook/stripe", "application/json", null,
                Map.of("Stripe-Signature", "t=1,v1=00")), 401, "INVALID_SIGNATURE");
    }
}
