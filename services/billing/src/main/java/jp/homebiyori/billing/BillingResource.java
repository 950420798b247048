package jp.homebiyori.billing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.homebiyori.api.user.BillingApi;
import jp.homebiyori.api.user.model.CancelRequest;
import jp.homebiyori.api.user.model.CheckoutRequest;
import jp.homebiyori.api.user.model.CheckoutSession;
import jp.homebiyori.api.user.model.PlanFeatures;
import jp.homebiyori.api.user.model.PortalSession;
import jp.homebiyori.api.user.model.SubscriptionStatus;
import jp.homebiyori.api.user.model.SubscriptionStatusValue;
import jp.homebiyori.common.auth.CurrentCaller;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.domain.feedback.CancellationFeedback;
import jp.homebiyori.domain.subscription.Plan;
import jp.homebiyori.domain.subscription.Subscription;
import jp.homebiyori.stripe.StripeGateway;

import java.time.Instant;

/** The billing operations of the user API: map in, one {@link BillingService} call, map out. */
@ApplicationScoped
public class BillingResource implements BillingApi {

    private final BillingService billing;
    private final CurrentCaller caller;
    private final JstClock clock;

    @Inject
    public BillingResource(BillingService billing, CurrentCaller caller, JstClock clock) {
        this.billing = billing;
        this.caller = caller;
        this.clock = clock;
    }

    @Override
    public CheckoutSession createCheckoutSession(CheckoutRequest request) {
        StripeGateway.CheckoutLink link = billing.checkout(caller.userId(),
                Plan.fromId(request.getPlanType().toString()).orElseThrow(),
                request.getSuccessUrl(), request.getCancelUrl());
        return new CheckoutSession().checkoutUrl(link.url()).sessionId(link.sessionId())
                .expiresAt(link.expiresAt() == null ? null : JstClock.toJst(link.expiresAt()));
    }

    @Override
    public SubscriptionStatus getSubscription() {
        return toApi(billing.subscription(caller.userId()));
    }

    @Override
    public SubscriptionStatus cancelSubscription(CancelRequest request) {
        return toApi(billing.cancel(caller.userId(),
                CancellationFeedback.ReasonCategory.fromId(request.getReasonCategory().toString()),
                request.getReasonText(), request.getSatisfactionScore(), request.getImprovementSuggestions()));
    }

    @Override
    public SubscriptionStatus reactivateSubscription() {
        return toApi(billing.reactivate(caller.userId()));
    }

    @Override
    public PortalSession getPortalSession(String returnUrl) {
        return new PortalSession().portalUrl((
                billing.portal(caller.userId(), returnUrl)));
    }

    private SubscriptionStatus toApi(Subscription s) {
        Instant now = clock.instant();
        Plan inForce = s.effectivePlan(now);
        return new SubscriptionStatus()
                .currentPlan(jp.homebiyori.api.user.model.Plan.fromValue(inForce.id()))
                .status(SubscriptionStatusValue.fromValue(knownStatus(s.status())))
                .isPremium(s.isPremiumAt(now))
                .currentPeriodStart(s.currentPeriodStart())
                .currentPeriodEnd(s.currentPeriodEnd())
                .cancelAtPeriodEnd(s.cancelAtPeriodEnd())
                .features(new PlanFeatures()
                        .groupChat(inForce.isPremium())
                        .deepMode(inForce.isPremium())
                        .chatRetentionDays(inForce.chatRetentionDays()));
    }

    /** A Stripe status the contract does not list yet is reported as past_due rather than breaking it. */
    private static String knownStatus(String status) {
        for (SubscriptionStatusValue v : SubscriptionStatusValue.values()) {
            if (v.toString().equals(status)) {
                return status;
            }
        }
        return "past_due";
    }
}
