package jp.homebiyori.stripe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.homebiyori.domain.account.BillingCanceller;

/** Account deletion's billing port on Stripe: the subscription ends at once, not at the period end; then the customer goes. */
@ApplicationScoped
public class StripeBillingCanceller implements BillingCanceller {

    private final StripeGateway stripe;

    @Inject
    public StripeBillingCanceller(StripeGateway stripe) {
        this.stripe = stripe;
    }

    @Override
    public boolean cancelImmediately(String subscriptionId) {
        return stripe.cancelImmediately(subscriptionId);
    }

    @Override
    public boolean deleteCustomer(String customerId) {
        return stripe.deleteCustomer(customerId);
    }
}
