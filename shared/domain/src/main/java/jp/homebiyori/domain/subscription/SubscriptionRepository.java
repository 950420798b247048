package jp.homebiyori.domain.subscription;

import java.util.Optional;

/** Subscriptions in the subscriptions table, also findable by Stripe customer id. */
public interface SubscriptionRepository {

    Optional<Subscription> find(String userId);

    /** The user's subscription, or {@link Subscription#free} if there is none. */
    default Subscription findOrFree(String userId) {
        return find(userId).orElseGet(() -> Subscription.free(userId));
    }

    Optional<Subscription> findByCustomerId(String customerId);

    /**
     * Stores {@code subscription} unless the stored state is newer ({@code stateAt} greater). Returns
     * true if it was stored, false if a newer state was already there (the update is stale).
     */
    boolean saveIfNotOlder(Subscription subscription);

    /**
     * Like {@link #saveIfNotOlder}, atomically telling what the write replaced: empty if the update is
     * stale (nothing written), otherwise the state it overwrote ({@link Subscription#free} if there was
     * none). Concurrent writers each see a different replaced state, so effects computed from
     * "replaced → new" (counters, notifications) telescope to exactly "first → last" however deliveries
     * interleave; a state read before the write would let two writers count the same transition.
     */
    Optional<Subscription> replaceIfNotOlder(Subscription subscription);

    /**
     * Records the user's Stripe customer (creating a free, status-none item if the user has none yet);
     * an already recorded customer is kept. Returns the customer id in force.
     */
    String attachCustomer(String userId, String customerId);

    void delete(String userId);
}
