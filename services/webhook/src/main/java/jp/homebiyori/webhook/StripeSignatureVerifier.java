package jp.homebiyori.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.homebiyori.common.config.ParameterStore;
import jp.homebiyori.common.config.Parameters;
import jp.homebiyori.common.error.ApiException;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.stripe.StripeSubscriptionStates;

import java.io.IOException;
import java.util.logging.Logger;

/**
 * Verifies the {@code Stripe-Signature} of a raw body with the webhook secret from Parameter Store
 * (300 s tolerance: a replayed old delivery is refused) and only then parses it. A missing or bad
 * signature is a 401 {@code INVALID_SIGNATURE}; a signed body that is not an event, a 400
 * {@code MALFORMED_EVENT}. Nothing is written either way.
 */
@ApplicationScoped
public class StripeSignatureVerifier {

    public static final long TOLERANCE_SECONDS = 300;
    private static final Logger LOG = Logger.getLogger(StripeSignatureVerifier.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ParameterStore parameters;
    private final JstClock clock;

    @Inject
    public StripeSignatureVerifier(ParameterStore parameters, JstClock clock) {
        this.parameters = parameters;
        this.clock = clock;
    }

    public StripeEvent verify(String payload, String signatureHeader) {
        if (signatureHeader == null || signatureHeader.isBlank() || payload == null) {
            throw invalidSignature();
        }
        String secret = parameters.get(Parameters.STRIPE_WEBHOOK_SECRET)
                .orElseThrow(() -> ApiException.unavailable("the webhook secret is not configured", 60));
        try {
            // the tolerance is measured on the backend's own clock, like every other time here
            Webhook.Signature.verifyHeader(payload, signatureHeader, secret, TOLERANCE_SECONDS, clock.clock());
        } catch (SignatureVerificationException e) {
            LOG.warning("Stripe webhook refused: " + e.getMessage());
            throw invalidSignature();
        }
        try {
            JsonNode root = JSON.readTree(payload);
            JsonNode object = root.path("data").path("object");
            if (!root.path("id").isTextual() || !root.path("id").asText().matches("[A-Za-z0-9_-]{1,255}")
                    || !root.path("type").isTextual() || !root.path("type").asText().matches("[a-z0-9_.]{1,100}")
                    || !StripeSubscriptionStates.isEpochSecond(root.path("created")) || !object.isObject()) {
                throw malformed();
            }
            return new StripeEvent(root.get("id").asText(), root.get("type").asText(), root.get("created").asLong(), object);
        } catch (IOException e) {
            throw malformed();
        }
    }

    private static ApiException invalidSignature() {
        return new ApiException(401, "INVALID_SIGNATURE", "the Stripe-Signature header does not match this body");
    }

    private static ApiException malformed() {
        return ApiException.badRequest("MALFORMED_EVENT", "the body is not a Stripe event");
    }
}
