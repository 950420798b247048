package jp.homebiyori.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.homebiyori.client.internal.model.SourceLambda;
import jp.homebiyori.common.internal.InternalNotifier;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.domain.stats.StatsRepository;
import jp.homebiyori.domain.subscription.Plan;
import jp.homebiyori.domain.subscription.Subscription;
import jp.homebiyori.domain.subscription.SubscriptionRepository;
import jp.homebiyori.domain.user.UserRepository;
import jp.homebiyori.stripe.StripePrices;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * {@code customer.subscription.created|updated|deleted}: stores the subscription unless a newer event
 * already did (order-safe by the event time), then — if the plan in force changed — sends the TTL
 * message, moves the dashboard counters and tells the user. A retry of an applied event repeats the
 * side effects, each of which is idempotent (TTL rewrite, notifications deduplicated by event id).
 */
@ApplicationScoped
public class SubscriptionEvents {

    private static final Logger LOG = Logger.getLogger(SubscriptionEvents.class.getName());

    private final SubscriptionRepository subscriptions;
    private final UserRepository users;
    private final StripePrices plans;
    private final TtlQueuePublisher ttlQueue;
    private final StatsRepository stats;
    private final InternalNotifier notifier;
    private final JstClock clock;

    @Inject
    public SubscriptionEvents(SubscriptionRepository subscriptions, UserRepository users, StripePrices plans, TtlQueuePublisher ttlQueue,
                              StatsRepository stats, InternalNotifier notifier, JstClock clock) {
        this.subscriptions = subscriptions;
        this.users = users;
        this.plans = plans;
        this.ttlQueue = ttlQueue;
        this.stats = stats;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** Returns the outcome: processed, stale or ignored (no existing user to attach it to). */
    public String handle(StripeEvent event) {
        String customerId = event.text("customer");
        Optional<Subscription> stored = Optional.ofNullable(event.metadataUserId()).flatMap(subscriptions::find)
                .or(() -> customerId == null ? Optional.empty() : subscriptions.findByCustomerId(customerId));
        String userId = Optional.ofNullable(event.metadataUserId()).orElse(stored.map(Subscription::userId).orElse(null));
        if (userId == null || users.find(userId).isEmpty()) {
            // unknown, or the account was deleted: storing would resurrect data of a gone user
            LOG.warning("subscription event " + event.id() + " names no known user; ignored");
            return "ignored";
        }
        Subscription before = stored.filter(s -> s.userId().equals(userId)).orElseGet(() -> Subscription.free(userId));
        Subscription after = fromEvent(event, userId, before);
        Optional<Subscription> replaced = subscriptions.replaceIfNotOlder(after);
        if (replaced.isEmpty()) {
            return "stale";
        }
        // effects from what this write actually replaced, not from the read above: concurrent deliveries
        // (Stripe retries while the first attempt still runs) then never count one transition twice
        boolean retry = replaced.get().stateAt() == after.stateAt();
        applyEffects(event, replaced.get(), after, retry);
        return "processed";
    }

    private Subscription fromEvent(StripeEvent event, String userId, Subscription before) {
        JsonNode item = event.object().path("items").path("data").path(0);
        Plan plan = plans.planOfPrice(item.path("price").path("id").asText(null)).orElse(before.plan());
        boolean cancelAtEnd = event.object().path("cancel_at_period_end").asBoolean(false);
        String status = "customer.subscription.deleted".equals(event.type()) ? "canceled" : event.text("status");
        if ("active".equals(status) && cancelAtEnd) {
            status = Subscription.CANCEL_SCHEDULED;
        }
        return new Subscription(userId, event.text("customer"), event.text("id"), plan,
                status == null ? before.status() : status,
                epoch(event.object(), item, "current_period_start"), epoch(event.object(), item, "current_period_end"),
                cancelAtEnd, event.created(), clock.now());
    }

    /** Period bounds sit on the subscription in older API versions and on its items in newer ones. */
    private static OffsetDateTime epoch(JsonNode subscription, JsonNode item, String field) {
        JsonNode value = subscription.path(field).canConvertToLong() ? subscription.path(field) : item.path(field);
        return value.canConvertToLong() ? JstClock.toJst(Instant.ofEpochSecond(value.asLong())) : null;
    }

    /**
     * Counters and notifications first, the TTL message last: if SQS is down the webhook answers 503
     * with everything else done, and Stripe's retry (which finds its state already stored) only sends
     * the message. A crash between storing the state and counting would lose that count (see docs).
     */
    private void applyEffects(StripeEvent event, Subscription before, Subscription after, boolean retry) {
        Instant now = clock.instant();
        Plan from = before.effectivePlan(now);
        Plan to = after.effectivePlan(now);
        if (!retry) {
            stats.premiumChanged(from, to);
            boolean wasScheduled = Subscription.CANCEL_SCHEDULED.equals(before.status());
            boolean isScheduled = Subscription.CANCEL_SCHEDULED.equals(after.status());
            stats.cancellationScheduledChanged((isScheduled ? 1 : 0) - (wasScheduled ? 1 : 0));
            notifyUser(event, after.userId(), from, to, wasScheduled, isScheduled);
        }
        if (from != to || retry) {
            ttlQueue.publish(after.userId(), from.id(), to.id(), event.id());
        }
    }

    private void notifyUser(StripeEvent event, String userId, Plan from, Plan to, boolean wasScheduled, boolean isScheduled) {
        if (from != to) {
            notify(event, userId, "plan_changed", "プランが変わりました",
                    to.isPremium() ? "プレミアムプランをご利用いただけます。ありがとうございます。" : "無料プランになりました。これからもほめびよりをよろしくお願いします。",
                    "normal");
        } else if (!wasScheduled && isScheduled) {
            notify(event, userId, "subscription_canceled", "解約を受け付けました",
                    "期間の終わりまでプレミアム機能をご利用いただけます。", "normal");
        } else if (wasScheduled && !isScheduled && to.isPremium()) {
            notify(event, userId, "subscription_reactivated", "プランを再開しました",
                    "引き続きプレミアム機能をご利用いただけます。", "normal");
        }
    }

    private void notify(StripeEvent event, String userId, String type, String title, String message, String priority) {
        notifier.notify(SourceLambda.WEBHOOK_SERVICE, new InternalNotifier.Request(userId, type, title, message, priority,
                "stripe:" + event.id() + ":" + type));
    }
}
