package jp.homebiyori.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.homebiyori.common.metrics.ProcessCounters;

import java.util.logging.Logger;

/**
 * One Stripe delivery: verify, skip if already processed (200, nothing changes), dispatch by type
 * (unknown types are acknowledged and ignored), then mark the event processed. Any failure after
 * verification propagates as a 5xx so that Stripe retries.
 */
@ApplicationScoped
public class StripeWebhookService {

    private static final Logger LOG = Logger.getLogger(StripeWebhookService.class.getName());

    private final StripeSignatureVerifier verifier;
    private final ProcessedEvents processed;
    private final SubscriptionEvents subscriptionEvents;
    private final InvoiceEvents invoiceEvents;

    @Inject
    public StripeWebhookService(StripeSignatureVerifier verifier, ProcessedEvents processed,
                                SubscriptionEvents subscriptionEvents, InvoiceEvents invoiceEvents) {
        this.verifier = verifier;
        this.processed = processed;
        this.subscriptionEvents = subscriptionEvents;
        this.invoiceEvents = invoiceEvents;
    }

    /** The event id and what happened to it. */
    public record Outcome(String eventId, String outcome) {
    }

    public Outcome handle(String payload, String signature) {
        StripeEvent event = verifier.verify(payload, signature);
        if (processed.isProcessed(event.id())) {
            return new Outcome(event.id(), "duplicate");
        }
        String outcome;
        try {
            outcome = switch (event.type()) {
                case "customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted" ->
                        subscriptionEvents.handle(event);
                case "invoice.payment_succeeded", "invoice.payment_failed" -> invoiceEvents.handle(event);
                default -> "ignored";
            };
        } catch (RuntimeException e) {
            ProcessCounters.increment(ProcessCounters.WEBHOOK_FAILURE);
            throw e;
        }
        processed.markProcessed(event, outcome);
        LOG.info("Stripe event " + event.id() + " (" + event.type() + "): " + outcome);
        return new Outcome(event.id(), outcome);
    }
}
