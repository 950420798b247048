package jp.homebiyori.testkit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Stripe webhook deliveries for tests and the local stack: event JSON in Stripe's shape and a real
 * {@code Stripe-Signature} header (HMAC-SHA256 of {@code "<t>.<payload>"} with the webhook secret).
 */
public final class StripeEvents {

    public static final String TEST_WEBHOOK_SECRET = "whsec_test_homebiyori_0123456789";

    private StripeEvents() {
    }

    public static String signature(String payload, String secret, long timestampSeconds) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestampSeconds + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + timestampSeconds + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String signature(String payload, String secret) {
        return signature(payload, secret, System.currentTimeMillis() / 1000);
    }

    /** A {@code customer.subscription.*} event for a user and price. */
    public static String subscriptionEvent(String eventId, String type, long created, String userId, String customerId,
                                           String subscriptionId, String priceId, String status, boolean cancelAtPeriodEnd,
                                           long periodStart, long periodEnd) {
        return """
                {"id":"%s","object":"event","api_version":"2025-08-27.basil","created":%d,"livemode":false,
                 "type":"%s","data":{"object":{"id":"%s","object":"subscription","customer":"%s","status":"%s",
                 "cancel_at_period_end":%s,"metadata":{"user_id":"%s"},
                 "items":{"object":"list","data":[{"id":"si_1","object":"subscription_item","current_period_start":%d,
                 "current_period_end":%d,"price":{"id":"%s","object":"price","unit_amount":580,"currency":"jpy"}}]}}}}
                """.formatted(eventId, created, type, subscriptionId, customerId, status, cancelAtPeriodEnd, userId,
                periodStart, periodEnd, priceId);
    }

    /** An {@code invoice.payment_succeeded|failed} event for a customer. */
    public static String invoiceEvent(String eventId, String type, long created, String customerId) {
        return """
                {"id":"%s","object":"event","api_version":"2025-08-27.basil","created":%d,"livemode":false,
                 "type":"%s","data":{"object":{"id":"in_%s","object":"invoice","customer":"%s","amount_due":580,
                 "currency":"jpy","status":"paid"}}}
                """.formatted(eventId, created, type, eventId, customerId);
    }
}
