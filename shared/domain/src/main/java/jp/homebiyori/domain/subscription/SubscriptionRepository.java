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
     * Records the user's Stripe customer (creating a free, status-none item if the user has none yet);
     * an already recorded customer is kept. Returns the customer id in force.
     */
    String attachCustomer(String userId, String customerId);

    void delete(String userId);
}
