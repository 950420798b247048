package jp.homebiyori.user.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jp.homebiyori.common.auth.DeletedAccounts;
import jp.homebiyori.common.db.Table;
import jp.homebiyori.common.error.ApiException;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.domain.account.BillingCanceller;
import jp.homebiyori.domain.account.UserDataEraser;
import jp.homebiyori.domain.stats.StatsRepository;
import jp.homebiyori.domain.subscription.Subscription;
import jp.homebiyori.domain.subscription.SubscriptionRepository;
import jp.homebiyori.domain.user.UserProfile;
import jp.homebiyori.domain.user.UserRepository;
import jp.homebiyori.user.infrastructure.IdentityDeleters;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * Deletes an account: (1) cancels a live Stripe subscription at once and (2) deletes the Stripe customer
 * (its metadata names the user; its payment methods go with it) — if either is impossible nothing is
 * deleted (503), so no deleted account is ever charged again or left at Stripe, and the subscription
 * item that names the customer is still there for the retry; (3) marks the account deleted, which voids
 * the user's current tokens everywhere (DeletedAccountFilter); (4) removes the profile, which is the
 * claim that counts the deletion once in the statistics and makes webhooks arriving from now on
 * ignore the user; (5) erases every other item of the user in every table; (6) takes the user out of
 * the active-user sets; (7) deletes the sign-in identity. Every step may be repeated, so calling again
 * (with the same token: the deletion is the one operation a voided token may still call) after a failure
 * or a timeout finishes the job; a call for an already deleted account succeeds.
 */
@ApplicationScoped
public class AccountDeletionService {

    private static final Logger LOG = Logger.getLogger(AccountDeletionService.class.getName());
    /** Stripe statuses in which there is nothing left to cancel. */
    private static final Set<String> ENDED = Set.of(Subscription.NONE, "canceled", "incomplete_expired");
    private static final long RETRY_AFTER_SECONDS = 30;

    private final UserRepository users;
    private final SubscriptionRepository subscriptions;
    private final UserDataEraser eraser;
    private final StatsRepository stats;
    private final Instance<BillingCanceller> billing;
    private final IdentityDeleters identities;
    private final DeletedAccounts deletedAccounts;
    private final JstClock clock;

    @Inject
    public AccountDeletionService(UserRepository users, SubscriptionRepository subscriptions, UserDataEraser eraser,
                                  StatsRepository stats, Instance<BillingCanceller> billing, IdentityDeleters identities,
                                  DeletedAccounts deletedAccounts, JstClock clock) {
        this.users = users;
        this.subscriptions = subscriptions;
        this.eraser = eraser;
        this.stats = stats;
        this.billing = billing;
        this.identities = identities;
        this.deletedAccounts = deletedAccounts;
        this.clock = clock;
    }

    public AccountDeletion delete(String userId) {
        Instant started = clock.instant();
        Subscription subscription = subscriptions.findOrFree(userId);
        boolean canceled = cancelBilling(userId, subscription);
        boolean customerDeleted = deleteCustomer(userId, subscription);
        // after Stripe, before the profile goes: from now on the user's current tokens are refused everywhere
        deletedAccounts.mark(userId, started);
        Optional<UserProfile> removed = users.deleteIfPresent(userId);
        removed.ifPresent(profile -> stats.userDeleted(profile.onboardingCompleted(),
                subscription.planInForce(), Subscription.CANCEL_SCHEDULED.equals(subscription.status()),
                clock.today()));
        Map<Table, Integer> erased = eraser.eraseAll(userId);
        stats.forgetActiveUser(userId, clock.today());
        deleteIdentity(userId);
        LOG.info("account deleted: user=" + userId + " profile_removed_now=" + removed.isPresent()
                + " subscription_canceled=" + canceled + " customer_deleted=" + customerDeleted + " items_erased=" + erased);
        return new AccountDeletion(userId, canceled, clock.now());
    }

    private boolean cancelBilling(String userId, Subscription subscription) {
        if (subscription.subscriptionId() == null || subscription.subscriptionId().isBlank()
                || ENDED.contains(subscription.status())) {
            return false;
        }
        return atStripe(userId, "the subscription could not be canceled",
                stripe -> stripe.cancelImmediately(subscription.subscriptionId()));
    }

    /** After the cancellation: a customer is left by every checkout, even one that never became a subscription. */
    private boolean deleteCustomer(String userId, Subscription subscription) {
        if (subscription.customerId() == null || subscription.customerId().isBlank()) {
            return false;
        }
        return atStripe(userId, "the payment customer could not be deleted",
                stripe -> stripe.deleteCustomer(subscription.customerId()));
    }

    /** A billing step before anything is deleted: if it cannot be done, 503 and nothing deleted, so a retry redoes it. */
    private boolean atStripe(String userId, String failure, Predicate<BillingCanceller> step) {
        if (!billing.isResolvable()) {
            LOG.severe("account deletion of user " + userId + " refused: " + failure + " (no usable BillingCanceller)");
            throw ApiException.unavailable(failure + " right now, so nothing was deleted; please try again later",
                    RETRY_AFTER_SECONDS);
        }
        try {
            return step.test(billing.get());
        } catch (RuntimeException e) {
            LOG.warning("account deletion of user " + userId + " stopped: " + failure + " ("
                    + e.getClass().getSimpleName() + "); nothing was deleted");
            throw ApiException.unavailable(failure + ", so nothing was deleted; please try again later",
                    RETRY_AFTER_SECONDS);
        }
    }

    private void deleteIdentity(String userId) {
        try {
            identities.current().deleteUser(userId);
        } catch (RuntimeException e) {
            LOG.warning("account deletion of user " + userId + ": data erased but deleting the sign-in identity failed ("
                    + e.getClass().getSimpleName() + ")");
            throw ApiException.unavailable(
                    "your data has been deleted, but removing your sign-in did not finish; please call this again",
                    RETRY_AFTER_SECONDS);
        }
    }
}
