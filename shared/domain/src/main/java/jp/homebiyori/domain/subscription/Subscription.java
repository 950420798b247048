package jp.homebiyori.domain.subscription;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Set;

/**
 * A user's subscription as last reported by Stripe (or set by the app's own cancel/reactivate flow).
 * {@code stateAt} orders the updates: the Stripe event time that produced this state, so an older
 * event never overwrites a newer one. {@code status} is Stripe's status, or {@code cancel_scheduled}
 * while a cancellation at period end is pending, or {@code none} for a user who never subscribed.
 */
public record Subscription(String userId, String customerId, String subscriptionId, Plan plan, String status,
                           OffsetDateTime currentPeriodStart, OffsetDateTime currentPeriodEnd,
                           boolean cancelAtPeriodEnd, long stateAt, OffsetDateTime updatedAt) {

    public static final String NONE = "none";
    public static final String CANCEL_SCHEDULED = "cancel_scheduled";
    /** Statuses in which a premium plan gives its features (past_due: Stripe is still retrying the payment). */
    private static final Set<String> ENTITLED = Set.of("active", "trialing", CANCEL_SCHEDULED, "past_due");

    /** What a user without any subscription item has. */
    public static Subscription free(String userId) {
        return new Subscription(userId, null, null, Plan.FREE, NONE, null, null, false, 0, null);
    }

    /** Whether the premium features apply at {@code now}: a premium plan in an entitled status, period not over. */
    public boolean isPremiumAt(Instant now) {
        return plan.isPremium() && ENTITLED.contains(status)
                && (currentPeriodEnd == null || now.isBefore(currentPeriodEnd.toInstant()));
    }

    /** The plan whose features and retention apply at {@code now}. */
    public Plan effectivePlan(Instant now) {
        return isPremiumAt(now) ? plan : Plan.FREE;
    }
}
