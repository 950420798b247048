package jp.homebiyori.domain.account;

/**
 * Port to the payment provider, used by account deletion: ends a Stripe subscription at once (not at
 * the period end), so that a deleted account is never charged again, and then deletes the customer, so
 * that nothing of the account (the user id in its metadata, its payment methods) stays at the provider.
 * The user service finds an implementation through CDI if one is on the classpath (the Stripe module);
 * without one it refuses to delete an account that still has a live subscription or a customer.
 */
public interface BillingCanceller {

    /**
     * Cancels subscription {@code subscriptionId} immediately. Idempotent: a subscription that is
     * already canceled or unknown to the provider is no error.
     *
     * @return true if this call ended a live subscription, false if there was nothing left to cancel
     * @throws RuntimeException if the provider could not be reached or refused; the caller then assumes
     *                          nothing was canceled, deletes nothing and asks the user to retry
     */
    boolean cancelImmediately(String subscriptionId);

    /**
     * Deletes customer {@code customerId} with its payment methods. Idempotent: a customer that is
     * already deleted or unknown to the provider is no error.
     *
     * @return true if this call deleted the customer, false if there was nothing left to delete
     * @throws RuntimeException if the provider could not be reached or refused; the caller then assumes
     *                          nothing was deleted, deletes nothing and asks the user to retry
     */
    boolean deleteCustomer(String customerId);
}
