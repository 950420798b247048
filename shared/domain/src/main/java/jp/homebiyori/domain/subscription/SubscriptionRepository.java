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

    /** What a {@link #replaceIfNewer} did. */
    sealed interface Write {
        /**
         * Stored; {@code replaced} is the state it overwrote ({@link Subscription#free} if none), and
         * {@code replacedSource} what had written that one (an event id; null for the app's own writes).
         */
        record Replaced(Subscription replaced, String replacedSource) implements Write {
        }

        /** Nothing written: the stored state is newer. */
        record Stale(Subscription stored) implements Write {
        }

        /**
         * Nothing written: a different state of the same second is stored, and which of the two is newer
         * cannot be told from the events (Stripe's {@code created} has second precision).
         */
        record Conflict(Subscription stored) implements Write {
        }
    }

    /**
     * Stores a state reported by an event if it is newer than the stored one ({@code stateAt} greater),
     * or the very same state of the same second (a retry: {@link Subscription#stateKey} equal), recording
     * {@code source} (the event id) as what wrote it. A
     * different state of the same second is a {@link Write.Conflict}: the caller asks Stripe which is current.
     */
    Write replaceIfNewer(Subscription subscription, String source);

    /**
     * Stores {@code subscription} only if the stored state is still {@code expected} (same time and same
     * {@link Subscription#stateKey}; for {@link Subscription#free} with time 0: nothing or a bare item
     * stored), whatever the times say — for a decision taken on what was read. Empty if it changed meanwhile.
     */
    Optional<Subscription> replaceIfStill(Subscription expected, Subscription subscription, String source);

    /**
     * Records the user's Stripe customer (creating a free, status-none item if the user has none yet);
     * an already recorded customer is kept. Returns the customer id in force.
     */
    String attachCustomer(String userId, String customerId);

    void delete(String userId);
}
