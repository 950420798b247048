package jp.homebiyori.billing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.homebiyori.common.error.ApiException;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.domain.feedback.CancellationFeedback;
import jp.homebiyori.domain.feedback.FeedbackRepository;
import jp.homebiyori.domain.stats.StatsRepository;
import jp.homebiyori.domain.subscription.Plan;
import jp.homebiyori.domain.subscription.Subscription;
import jp.homebiyori.domain.subscription.SubscriptionRepository;
import jp.homebiyori.stripe.StripeGateway;
import jp.homebiyori.stripe.StripePrices;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The app's side of billing: Checkout for a plan, the subscription as stored, the app's own
 * cancellation flow (reason → feedback table, cancel at period end) and its undo, and the Customer
 * Portal — always with the portal configuration {@code homebiyori.stripe.portal-configuration} (no
 * cancellation there, the monthly/yearly switch; created by {@code PortalConfigurationCommand}), never
 * Stripe's default one. Stripe's later webhooks confirm what these calls start.
 */
@ApplicationScoped
public class BillingService {

    private static final Logger LOG = Logger.getLogger(BillingService.class.getName());

    /** The app's billing page: where the portal returns to when the caller names no page. */
    static final String BILLING_PAGE = "/billing";

    private final SubscriptionRepository subscriptions;
    private final FeedbackRepository feedback;
    private final StatsRepository stats;
    private final StripeGateway stripe;
    private final StripePrices prices;
    private final RedirectPolicy redirects;
    private final JstClock clock;
    private final Optional<String> portalConfiguration;

    @Inject
    public BillingService(SubscriptionRepository subscriptions, FeedbackRepository feedback, StatsRepository stats,
                          StripeGateway stripe, StripePrices prices, RedirectPolicy redirects, JstClock clock,
                          @ConfigProperty(name = "homebiyori.stripe.portal-configuration") Optional<String> portalConfiguration) {
        this.subscriptions = subscriptions;
        this.feedback = feedback;
        this.stats = stats;
        this.stripe = stripe;
        this.prices = prices;
        this.redirects = redirects;
        this.clock = clock;
        this.portalConfiguration = portalConfiguration.map(String::strip).filter(id -> !id.isEmpty());
    }

    public StripeGateway.CheckoutLink checkout(String userId, Plan plan, String successUrl, String cancelUrl) {
        redirects.check("success_url", successUrl);
        redirects.check("cancel_url", cancelUrl);
        Subscription current = subscriptions.findOrFree(userId);
        if (current.isPremiumAt(clock.instant())) {
            throw ApiException.conflict("ALREADY_SUBSCRIBED", "you already have a premium plan; change it in the customer portal");
        }
        String customerId = current.customerId() != null ? current.customerId()
                : subscriptions.attachCustomer(userId, stripe.createCustomer(userId));
        // the same request within ten minutes reuses the same session (Stripe idempotency)
        String key = "checkout-" + sha256(userId + "|" + plan.id() + "|" + successUrl + "|" + cancelUrl + "|"
                + clock.instant().getEpochSecond() / 600);
        return stripe.createCheckout(customerId, userId, prices.priceOf(plan), successUrl, cancelUrl, key);
    }

    public Subscription subscription(String userId) {
        return subscriptions.findOrFree(userId);
    }

    public Subscription cancel(String userId, CancellationFeedback.ReasonCategory reason, String reasonText,
                               int satisfaction, String suggestions) {
        Subscription current = subscriptions.findOrFree(userId);
        if (current.subscriptionId() == null || !current.isPremiumAt(clock.instant())
                || Subscription.CANCEL_SCHEDULED.equals(current.status())) {
            throw ApiException.conflict("SUBSCRIPTION_NOT_CANCELABLE",
                    "there is no active subscription to cancel (or its cancellation is already scheduled)");
        }
        stripe.setCancelAtPeriodEnd(current.subscriptionId(), true, "cancel-" + current.subscriptionId() + "-" + current.stateAt());
        feedback.save(new CancellationFeedback(userId, reason, blankToNull(reasonText), satisfaction,
                blankToNull(suggestions), clock.now()));
        Subscription scheduled = withCancellation(current, true, Subscription.CANCEL_SCHEDULED);
        // counted from what the write replaced: of two cancellations racing, only one finds it not yet scheduled
        Optional<Subscription> replaced = subscriptions.replaceIfNotOlder(scheduled);
        if (replaced.filter(before -> !Subscription.CANCEL_SCHEDULED.equals(before.status())).isPresent()) {
            stats.cancellationScheduledChanged(1);
        }
        LOG.info("cancellation scheduled for user " + userId + " (reason " + reason.id() + ")");
        // what was written is the answer; if a newer Stripe state won meanwhile, that one
        return replaced.isPresent() ? scheduled : subscriptions.findOrFree(userId);
    }

    public Subscription reactivate(String userId) {
        Subscription current = subscriptions.findOrFree(userId);
        if (!Subscription.CANCEL_SCHEDULED.equals(current.status()) || !current.isPremiumAt(clock.instant())) {
            throw ApiException.conflict("NO_SCHEDULED_CANCELLATION", "there is no scheduled cancellation to undo");
        }
        stripe.setCancelAtPeriodEnd(current.subscriptionId(), false, "reactivate-" + current.subscriptionId() + "-" + current.stateAt());
        Subscription active = withCancellation(current, false, "active");
        Optional<Subscription> replaced = subscriptions.replaceIfNotOlder(active);
        if (replaced.filter(before -> Subscription.CANCEL_SCHEDULED.equals(before.status())).isPresent()) {
            stats.cancellationScheduledChanged(-1);
        }
        LOG.info("cancellation undone for user " + userId);
        return replaced.isPresent() ? active : subscriptions.findOrFree(userId);
    }

    public String portal(String userId, String returnUrl) {
        Subscription current = subscriptions.findOrFree(userId);
        if (current.customerId() == null) {
            throw ApiException.conflict("NO_BILLING_CUSTOMER", "there is no billing account yet: subscribe first");
        }
        String target = returnUrl == null ? redirects.defaultOrigin() + BILLING_PAGE : redirects.check("return_url", returnUrl);
        // Stripe's default portal offers cancellation, which must only happen through the app's own flow
        String configuration = portalConfiguration.orElseThrow(() -> {
            LOG.severe("homebiyori.stripe.portal-configuration is not set: the Customer Portal stays closed"
                    + " (create the configuration with PortalConfigurationCommand, see infra/README.md)");
            return ApiException.unavailable("the customer portal is not configured", 300);
        });
        return stripe.portalUrl(current.customerId(), configuration, target);
    }

    /**
     * The stored state with the cancellation flag Stripe has just accepted, stamped with this second: Stripe's
     * state now has that flag, so an event created before describes an older one (stale); Stripe's own event
     * for this change (created now or later) then brings the rest of its state, and one of this very second
     * is settled by asking Stripe (webhook-service). The plan in force does not change here, so this write
     * moves no premium counter.
     */
    private Subscription withCancellation(Subscription s, boolean cancelAtEnd, String status) {
        return new Subscription(s.userId(), s.customerId(), s.subscriptionId(), s.plan(), status, s.currentPeriodStart(),
                s.currentPeriodEnd(), cancelAtEnd, Math.max(s.stateAt(), clock.instant().getEpochSecond()), clock.now());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
