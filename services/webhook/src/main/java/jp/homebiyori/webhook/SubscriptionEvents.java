package jp.homebiyori.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.homebiyori.client.internal.model.SourceLambda;
import jp.homebiyori.common.error.ApiException;
import jp.homebiyori.common.internal.InternalNotifier;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.domain.stats.StatsRepository;
import jp.homebiyori.domain.subscription.Plan;
import jp.homebiyori.domain.subscription.Subscription;
import jp.homebiyori.domain.subscription.SubscriptionRepository;
import jp.homebiyori.domain.subscription.SubscriptionRepository.Write;
import jp.homebiyori.domain.user.UserRepository;
import jp.homebiyori.stripe.StripeGateway;
import jp.homebiyori.stripe.StripeSubscriptionStates;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * {@code customer.subscription.created|updated|deleted}: stores the subscription unless a newer event
 * already did (order-safe by the event time), then — if the plan in force changed — sends the TTL
 * message, moves the dashboard counters and tells the user. A retry of an applied event repeats the
 * side effects, each of which is idempotent (TTL rewrite, notifications deduplicated by event id).
 *
 * <p>The transition rules (docs/decisions.md, "Subscription transitions"):
 * <ul>
 *   <li>the plan before and after are the two <em>states'</em> plans in force
 *       ({@link Subscription#planInForce()}), never read against the clock: a renewal (active → active,
 *       next period) is no change; the end of a subscription (→ canceled) is premium → free;</li>
 *   <li>an event older than the stored state changes nothing ({@code stale}); the same state again is a retry;</li>
 *   <li>a <em>different</em> state of the same second (Stripe's {@code created} has second precision) is
 *       settled by Stripe itself: the subscription is read from Stripe's API and stored as of the
 *       moment it was read, so no older state can win a tie;</li>
 *   <li>an event for a user who no longer has an account here cancels a live subscription at Stripe
 *       at once (a card must not be charged for an account that is gone) and stores nothing.</li>
 * </ul>
 */
@ApplicationScoped
public class SubscriptionEvents {

    private static final Logger LOG = Logger.getLogger(SubscriptionEvents.class.getName());
    private static final String DELETED = "customer.subscription.deleted";

    private final SubscriptionRepository subscriptions;
    private final UserRepository users;
    private final StripeSubscriptionStates states;
    private final StripeGateway stripe;
    private final TtlQueuePublisher ttlQueue;
    private final StatsRepository stats;
    private final InternalNotifier notifier;
    private final JstClock clock;

    @Inject
    public SubscriptionEvents(SubscriptionRepository subscriptions, UserRepository users, StripeSubscriptionStates states, StripeGateway stripe,
                              TtlQueuePublisher ttlQueue, StatsRepository stats, InternalNotifier notifier, JstClock clock) {
        this.subscriptions = subscriptions;
        this.users = users;
        this.states = states;
        this.stripe = stripe;
        this.ttlQueue = ttlQueue;
        this.stats = stats;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** Returns the outcome: processed, stale, canceled (a gone user's live subscription) or ignored. */
    public String handle(StripeEvent event) {
        if (!StripeSubscriptionStates.isReadable(event.object())) {
            // signed, but not a subscription Stripe would send (no id, a time past year 9999): refused before
            // anything is read or written, and never asked of Stripe's API
            throw ApiException.badRequest("MALFORMED_EVENT", "the event's object is not a Stripe subscription");
        }
        String customerId = event.text("customer");
        Optional<Subscription> stored = Optional.ofNullable(event.metadataUserId()).flatMap(subscriptions::find)
                .or(() -> customerId == null ? Optional.empty() : subscriptions.findByCustomerId(customerId));
        String userId = Optional.ofNullable(event.metadataUserId()).orElse(stored.map(Subscription::userId).orElse(null));
        if (userId == null) {
            LOG.warning("subscription event " + event.id() + " names no user; ignored");
            return "ignored";
        }
        Subscription before = stored.filter(s -> s.userId().equals(userId)).orElseGet(() -> Subscription.free(userId));
        Subscription after = states.fromObject(event.object(), DELETED.equals(event.type()), userId, before, event.created());
        if (users.find(userId).isEmpty()) {
            return cancelOrphan(event, userId, after);
        }
        if (endsAnotherThanTheLiveOne(before, after)) {
            return "stale";
        }
        if (startsAfterAnEndedOne(before, after)) {
            // a new subscription after the user's ended one is newer than it, whatever the seconds say (the
            // ended one may have been read from Stripe after this one was created); decided on what was
            // read, so written only if that is still what is stored
            Optional<Subscription> replaced = subscriptions.replaceIfStill(before, after, event.id());
            if (replaced.isEmpty()) {
                throw ApiException.unavailable("the subscription changed while this event was applied; please retry", 1);
            }
            applyEffects(event, replaced.get(), after, false);
            return "processed";
        }
        Write write = subscriptions.replaceIfNewer(after, event.id());
        if (write instanceof Write.Conflict conflict) {
            after = currentAtStripe(event, userId, conflict.stored());
            if (endsAnotherThanTheLiveOne(conflict.stored(), after)) {
                return "stale";
            }
            Optional<Subscription> replaced = subscriptions.replaceIfNotOlder(after);
            write = replaced.isPresent() ? new Write.Replaced(replaced.get(), null) : new Write.Stale(conflict.stored());
        }
        if (!(write instanceof Write.Replaced replaced)) {
            return "stale";
        }
        // effects from what this write actually replaced, not from the read above: concurrent deliveries
        // (Stripe retries while the first attempt still runs) then never count one transition twice
        Subscription old = replaced.replaced();
        boolean sameState = old.stateAt() == after.stateAt() && old.stateKey().equals(after.stateKey());
        boolean retry = sameState && event.id().equals(replaced.replacedSource());
        if (sameState && !retry) {
            // the same state was already stored by someone else (the app's own cancel flow, or a state read
            // from Stripe): there is no transition left to apply
            return "processed";
        }
        applyEffects(event, old, after, retry);
        return "processed";
    }

    /**
     * The end of a subscription that is not the user's live one (a cancelled subscription, then a new
     * checkout — possibly in the same second) says nothing about the user's plan: it never replaces the
     * live subscription, whatever its time.
     */
    private static boolean endsAnotherThanTheLiveOne(Subscription stored, Subscription incoming) {
        return incoming.hasEnded() && stored.subscriptionId() != null && !stored.subscriptionId().equals(incoming.subscriptionId())
                && !stored.hasEnded() && !Subscription.NONE.equals(stored.status());
    }

    /** A live subscription, created since the user's stored one ended (Stripe's {@code ended_at}). */
    private static boolean startsAfterAnEndedOne(Subscription stored, Subscription incoming) {
        return !incoming.hasEnded() && stored.subscriptionId() != null && incoming.subscriptionId() != null
                && !stored.subscriptionId().equals(incoming.subscriptionId()) && stored.hasEnded()
                && stored.endedAt() != null && incoming.stateAt() >= stored.endedAt().toEpochSecond();
    }

    /**
     * Two different states of one second: which is newer is Stripe's to say. The answer is Stripe's state
     * now, stamped with the later of the event's second and ours — every event created before this read
     * describes an older state (an event of this very second asks again).
     */
    private Subscription currentAtStripe(StripeEvent event, String userId, Subscription stored) {
        String subscriptionId = event.text("id");
        long readAt = Math.max(event.created(), clock.instant().getEpochSecond());
        Optional<String> json = stripe.subscriptionJson(subscriptionId);
        if (json.isEmpty()) {
            LOG.warning("subscription event " + event.id() + " conflicts with the stored state of the same second and Stripe "
                    + "does not know " + subscriptionId + "; the event's state is kept");
            return states.fromObject(event.object(), DELETED.equals(event.type()), userId, stored, readAt);
        }
        LOG.info("subscription event " + event.id() + " conflicts with the stored state of the same second; "
                + "took Stripe's current state of " + subscriptionId);
        return states.fromJson(json.get(), userId, stored, readAt);
    }

    /**
     * A subscription event for a user without an account here (deleted, or never known): nothing is stored
     * — that would resurrect a gone user's data — but a live subscription is canceled at Stripe at once, so
     * nobody is charged for an account that does not exist. If Stripe cannot be reached the webhook answers
     * 503 and Stripe delivers the event again.
     */
    private String cancelOrphan(StripeEvent event, String userId, Subscription state) {
        if (state.hasEnded() || state.subscriptionId() == null || "incomplete".equals(state.status())) {
            LOG.warning("subscription event " + event.id() + " names no known user; nothing to cancel, ignored");
            return "ignored";
        }
        boolean canceled = stripe.cancelImmediately(state.subscriptionId());
        LOG.warning("subscription event " + event.id() + " names user " + userId + ", who has no account: subscription "
                + state.subscriptionId() + (canceled ? " canceled at Stripe" : " was already ended at Stripe"));
        return "canceled";
    }

    /**
     * Counters and notifications first, the TTL message last: if SQS is down the webhook answers 503
     * with everything else done, and Stripe's retry (which finds its state already stored) only sends
     * the message. A crash between storing the state and counting would lose that count (see docs).
     */
    private void applyEffects(StripeEvent event, Subscription before, Subscription after, boolean retry) {
        Plan from = before.planInForce();
        Plan to = after.planInForce();
        if (!retry) {
            stats.premiumChanged(from, to);
            boolean wasScheduled = Subscription.CANCEL_SCHEDULED.equals(before.status());
            boolean isScheduled = Subscription.CANCEL_SCHEDULED.equals(after.status());
            stats.cancellationScheduledChanged((isScheduled ? 1 : 0) - (wasScheduled ? 1 : 0));
            notifyUser(event, after.userId(), from, to, wasScheduled, isScheduled);
        }
        // a retry of this event cannot tell whether its first attempt changed the plan; the rewrite is
        // idempotent, so send it (ttl-updater tells the user only if the plan in force differs from old_plan)
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
