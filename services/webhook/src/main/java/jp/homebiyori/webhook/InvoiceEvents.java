package jp.homebiyori.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.homebiyori.client.internal.model.SourceLambda;
import jp.homebiyori.common.internal.InternalNotifier;
import jp.homebiyori.domain.subscription.Subscription;
import jp.homebiyori.domain.subscription.SubscriptionRepository;

import java.util.Optional;

/**
 * {@code invoice.payment_succeeded|failed}: tells the user (a failure with high priority). The user is
 * found by the invoice's customer; the notification is deduplicated by the event id.
 */
@ApplicationScoped
public class InvoiceEvents {

    private final SubscriptionRepository subscriptions;
    private final InternalNotifier notifier;

    @Inject
    public InvoiceEvents(SubscriptionRepository subscriptions, InternalNotifier notifier) {
        this.subscriptions = subscriptions;
        this.notifier = notifier;
    }

    public String handle(StripeEvent event) {
        Optional<String> userId = Optional.ofNullable(event.metadataUserId())
                .or(() -> Optional.ofNullable(event.text("customer")).flatMap(subscriptions::findByCustomerId).map(Subscription::userId));
        if (userId.isEmpty()) {
            return "ignored";
        }
        boolean failed = "invoice.payment_failed".equals(event.type());
        String type = failed ? "payment_failed" : "payment_succeeded";
        notifier.notify(SourceLambda.WEBHOOK_SERVICE, new InternalNotifier.Request(userId.get(), type,
                failed ? "お支払いができませんでした" : "お支払いが完了しました",
                failed ? "カード情報をご確認ください。決済は自動で再試行されます。" : "いつもご利用ありがとうございます。",
                failed ? "high" : "normal", "stripe:" + event.id() + ":" + type));
        return "processed";
    }
}
