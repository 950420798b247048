package jp.homebiyori.domain.subscription;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Set;

/**
 * A user's subscription as last reported by Stripe (or set by the app's own cancel/reactivate flow).
 * {@code stateAt} orders the updates: the Stripe event time that produced this state, so an older
 * event never overwrites a newer one. {@code status} is Stripe's status, or {@code cancel_scheduled}
 * while a cancellation at period end is pending, or {@code none} for a user who never subscribed.
 *
 * <p>Which plan is in force is a property of the <em>state</em>, not of the clock
 * ({@link #planInForce()}): Stripe renews a subscription and ends a cancelled one <em>at</em> the period
 * end, so the renewal's and the end's events always arrive just after the stored
 * {@code current_period_end}. Reading the stored state against the clock at that moment would take every
 * renewal for "free → premium" and every end for "free → free" (docs/decisions.md, "Subscription
 * transitions"). The only clock-dependent reading is {@link #effectivePlan(Instant)}: a scheduled
 * cancellation whose period is over gives no premium features any more, even before Stripe's
 * {@code customer.subscription.deleted} has arrived. {@code endedAt} is Stripe's {@code ended_at} of an
 * ended subscription: a new subscription created since then is newer than it, whatever the stamps say.
 */
public record Subscription(String userId, String customerId, String subscriptionId, Plan plan, String status,
                           OffsetDateTime currentPeriodStart, OffsetDateTime currentPeriodEnd,
                           boolean cancelAtPeriodEnd, long stateAt, OffsetDateTime updatedAt, OffsetDateTime endedAt) {

    /** A state that has not ended (or whose end time is not known). */
    public Subscription(String userId, String customerId, String subscriptionId, Plan plan, String status,
                        OffsetDateTime currentPeriodStart, OffsetDateTime currentPeriodEnd,
                        boolean cancelAtPeriodEnd, long stateAt, OffsetDateTime updatedAt) {
        this(userId, customerId, subscriptionId, plan, status, currentPeriodStart, currentPeriodEnd, cancelAtPeriodEnd, stateAt,
                updatedAt, null);
    }

    public static final String NONE = "none";
    public static final String CANCEL_SCHEDULED = "cancel_scheduled";
    /** Statuses in which a premium plan gives its features (past_due: Stripe is still retrying the payment). */
    public static final Set<String> ENTITLED = Set.of("active", "trialing", CANCEL_SCHEDULED, "past_due");

    /** What a user without any subscription item has. */
    public static Subscription free(String userId) {
        return new Subscription(userId, null, null, Plan.FREE, NONE, null, null, false, 0, null);
    }

    /**
     * The plan this state puts in force: its premium plan while the status is entitled, otherwise free.
     * Transitions (dashboard counters, notifications, the TTL message) and chat retention follow this.
     */
    public Plan planInForce() {
        return plan.isPremium() && ENTITLED.contains(status) ? plan : Plan.FREE;
    }

    /** Whether this state ends the subscription: Stripe's terminal statuses. */
    public boolean hasEnded() {
        return "canceled".equals(status) || "incomplete_expired".equals(status);
    }

    /**
     * Whether the premium features apply at {@code now}: the plan in force is premium, and a scheduled
     * cancellation's period is not over. An active, trialing or past-due subscription whose stored period
     * has passed stays premium: its renewal (or its end) is Stripe's to report, and arrives as an event.
     */
    public boolean isPremiumAt(Instant now) {
        return planInForce().isPremium() && !(CANCEL_SCHEDULED.equals(status) && currentPeriodEnd != null
                && !now.isBefore(currentPeriodEnd.toInstant()));
    }

    /**
     * What Stripe's state says, without our bookkeeping ({@code stateAt}, {@code updatedAt}): two states with
     * the same key are the same state, so a same-second delivery of it is a retry, not a conflict.
     */
    public String stateKey() {
        return String.join("|", String.valueOf(subscriptionId), plan.id(), status,
                currentPeriodStart == null ? "-" : Long.toString(currentPeriodStart.toEpochSecond()),
                currentPeriodEnd == null ? "-" : Long.toString(currentPeriodEnd.toEpochSecond()),
                Boolean.toString(cancelAtPeriodEnd));
    }

    /** This state as of a different time (a state re-read from Stripe is stamped with the time it was read). */
    public Subscription stampedAt(long stateAt) {
        return new Subscription(userId, customerId, subscriptionId, plan, status, currentPeriodStart, currentPeriodEnd,
                cancelAtPeriodEnd, stateAt, updatedAt, endedAt);
    }

    /** The plan whose features apply at {@code now} (see {@link #isPremiumAt}). */
    public Plan effectivePlan(Instant now) {
        return isPremiumAt(now) ? plan : Plan.FREE;
    }
}
