package jp.homebiyori.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.Price;
import com.stripe.model.Subscription;
import com.stripe.model.billingportal.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.SubscriptionCancelParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.billingportal.ConfigurationCreateParams;
import com.stripe.param.billingportal.ConfigurationCreateParams.Features;
import com.stripe.param.checkout.SessionCreateParams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.homebiyori.common.config.ParameterStore;
import jp.homebiyori.common.config.Parameters;
import jp.homebiyori.common.error.ApiException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The Stripe calls of the backend. Customers are anonymous (the user id in metadata, no e-mail);
 * every create carries an idempotency key; the API key comes from Parameter Store and the API base
 * from {@code homebiyori.stripe.api-base} (a local stand-in in tests and the local stack). Stripe being
 * unreachable or failing is a 503 for our caller, never a 500.
 */
@ApplicationScoped
public class StripeGateway {

    private static final Logger LOG = Logger.getLogger(StripeGateway.class.getName());

    /** Changes with what {@link #createPortalConfiguration} asks for, so a changed configuration is a new one. */
    private static final String PORTAL_CONFIGURATION_VERSION = "1";

    private final ParameterStore parameters;
    private final Optional<String> apiBase;
    private volatile StripeClient client;
    private volatile String clientKey;

    @Inject
    public StripeGateway(ParameterStore parameters, @ConfigProperty(name = "homebiyori.stripe.api-base") Optional<String> apiBase) {
        this.parameters = parameters;
        this.apiBase = apiBase;
    }

    /** A Checkout Session's URL, id and expiry. */
    public record CheckoutLink(String url, String sessionId, Instant expiresAt) {
    }

    /** What Stripe says of a subscription after a change. */
    public record RemoteSubscription(String id, String status, boolean cancelAtPeriodEnd) {
    }

    public String createCustomer(String userId) {
        return call(() -> client().v1().customers().create(CustomerCreateParams.builder()
                .putMetadata("user_id", userId).build(), idempotent("customer-" + userId))).getId();
    }

    public CheckoutLink createCheckout(String customerId, String userId, String priceId, String successUrl,
                                       String cancelUrl, String idempotencyKey) {
        com.stripe.model.checkout.Session session = call(() -> client().v1().checkout().sessions().create(
                SessionCreateParams.builder()
                        .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                        .setCustomer(customerId)
                        .setClientReferenceId(userId)
                        .addLineItem(SessionCreateParams.LineItem.builder().setPrice(priceId).setQuantity(1L).build())
                        .setSubscriptionData(SessionCreateParams.SubscriptionData.builder().putMetadata("user_id", userId).build())
                        .setSuccessUrl(successUrl)
                        .setCancelUrl(cancelUrl)
                        .build(), idempotent(idempotencyKey)));
        return new CheckoutLink(session.getUrl(), session.getId(),
                session.getExpiresAt() == null ? null : Instant.ofEpochSecond(session.getExpiresAt()));
    }

    public RemoteSubscription setCancelAtPeriodEnd(String subscriptionId, boolean cancel, String idempotencyKey) {
        Subscription s = call(() -> client().v1().subscriptions().update(subscriptionId,
                SubscriptionUpdateParams.builder().setCancelAtPeriodEnd(cancel).build(), idempotent(idempotencyKey)));
        return new RemoteSubscription(s.getId(), s.getStatus(), Boolean.TRUE.equals(s.getCancelAtPeriodEnd()));
    }

    /**
     * Ends a subscription now (account deletion). True if it was live; an already canceled or unknown
     * subscription counts as done (false).
     */
    public boolean cancelImmediately(String subscriptionId) {
        try {
            Subscription s = client().v1().subscriptions().cancel(subscriptionId, SubscriptionCancelParams.builder().build(),
                    idempotent("cancel-now-" + subscriptionId));
            return "canceled".equals(s.getStatus());
        } catch (InvalidRequestException e) {
            if ("resource_missing".equals(e.getCode())) {
                return false;
            }
            throw unavailable(e);
        } catch (StripeException e) {
            throw unavailable(e);
        }
    }

    /**
     * The subscription as Stripe holds it now, as Stripe's JSON (the same shape as an event's
     * {@code data.object}); empty if Stripe does not know it. Webhook-service asks when two events of
     * the same second disagree.
     */
    public Optional<String> subscriptionJson(String subscriptionId) {
        try {
            Subscription s = client().v1().subscriptions().retrieve(subscriptionId);
            return Optional.of(s.getLastResponse().body());
        } catch (InvalidRequestException e) {
            if ("resource_missing".equals(e.getCode())) {
                return Optional.empty();
            }
            throw unavailable(e);
        } catch (StripeException e) {
            throw unavailable(e);
        }
    }

    /**
     * Deletes a customer (account deletion; Stripe also removes its payment methods). True if this call
     * deleted it; an already deleted or unknown customer (404 {@code resource_missing}) counts as done
     * (false). A DELETE is idempotent at Stripe by itself, so it carries no idempotency key.
     */
    public boolean deleteCustomer(String customerId) {
        try {
            Customer deleted = client().v1().customers().delete(customerId);
            return Boolean.TRUE.equals(deleted.getDeleted());
        } catch (InvalidRequestException e) {
            if ("resource_missing".equals(e.getCode())) {
                return false;
            }
            throw unavailable(e);
        } catch (StripeException e) {
            throw unavailable(e);
        }
    }

    /**
     * A Customer Portal session of {@code configurationId} (never Stripe's default configuration, which
     * offers cancellation): what the portal offers is fixed by {@link #createPortalConfiguration}.
     */
    public String portalUrl(String customerId, String configurationId, String returnUrl) {
        Session session = call(() -> client().v1().billingPortal().sessions().create(
                com.stripe.param.billingportal.SessionCreateParams.builder()
                        .setCustomer(customerId).setConfiguration(configurationId).setReturnUrl(returnUrl).build(),
                RequestOptions.builder().build()));
        return session.getUrl();
    }

    /**
     * Creates the Customer Portal configuration of domain.md (an operator's step, once per Stripe account
     * and mode: {@link PortalConfigurationCommand}) and returns its id, for {@code homebiyori.stripe.portal-configuration}.
     * The portal updates the payment method, shows invoices and switches between the two prices — an
     * upgrade to yearly at once with the unused month credited and invoiced immediately, a switch back to
     * monthly at the end of the paid year; it offers no cancellation (the app's own flow collects the
     * reason) and no customer details (the customer stays anonymous). The prices are read first, so a
     * price of the wrong interval is refused before anything is created; the same inputs within
     * Stripe's idempotency window (24 h) return the same configuration.
     */
    public String createPortalConfiguration(String monthlyPrice, String yearlyPrice, String defaultReturnUrl)
            throws StripeException {
        Map<String, List<String>> pricesByProduct = new LinkedHashMap<>();
        for (Map.Entry<String, String> wanted : List.of(Map.entry(monthlyPrice, "month"), Map.entry(yearlyPrice, "year"))) {
            Price price = client().v1().prices().retrieve(wanted.getKey());
            String interval = price.getRecurring() == null ? "one-off" : price.getRecurring().getInterval();
            if (!wanted.getValue().equals(interval) || !Boolean.TRUE.equals(price.getActive())) {
                throw new IllegalArgumentException("price " + wanted.getKey() + " must be an active recurring price per "
                        + wanted.getValue() + ", but it is " + (Boolean.TRUE.equals(price.getActive()) ? "" : "inactive and ")
                        + "per " + interval);
            }
            pricesByProduct.computeIfAbsent(price.getProduct(), p -> new ArrayList<>()).add(price.getId());
        }
        Features.SubscriptionUpdate.Builder update = Features.SubscriptionUpdate.builder()
                .setEnabled(true)
                .addDefaultAllowedUpdate(Features.SubscriptionUpdate.DefaultAllowedUpdate.PRICE)
                .setProrationBehavior(Features.SubscriptionUpdate.ProrationBehavior.ALWAYS_INVOICE)
                .setScheduleAtPeriodEnd(Features.SubscriptionUpdate.ScheduleAtPeriodEnd.builder()
                        .addCondition(Features.SubscriptionUpdate.ScheduleAtPeriodEnd.Condition.builder()
                                .setType(Features.SubscriptionUpdate.ScheduleAtPeriodEnd.Condition.Type.SHORTENING_INTERVAL)
                                .build())
                        .build());
        pricesByProduct.forEach((product, prices) -> update.addProduct(Features.SubscriptionUpdate.Product.builder()
                .setProduct(product).addAllPrice(prices).build()));
        ConfigurationCreateParams.Builder params = ConfigurationCreateParams.builder()
                .setName("Homebiyori: payment method, invoices, monthly/yearly switch; no cancellation")
                .putMetadata("managed_by", "homebiyori")
                .setFeatures(Features.builder()
                        .setSubscriptionCancel(Features.SubscriptionCancel.builder().setEnabled(false).build())
                        .setSubscriptionUpdate(update.build())
                        .setPaymentMethodUpdate(Features.PaymentMethodUpdate.builder().setEnabled(true).build())
                        .setInvoiceHistory(Features.InvoiceHistory.builder().setEnabled(true).build())
                        .setCustomerUpdate(Features.CustomerUpdate.builder().setEnabled(false).build())
                        .build())
                .setLoginPage(ConfigurationCreateParams.LoginPage.builder().setEnabled(false).build());
        if (defaultReturnUrl != null && !defaultReturnUrl.isBlank()) {
            params.setDefaultReturnUrl(defaultReturnUrl);
        }
        String key = "portal-configuration-" + sha256(PORTAL_CONFIGURATION_VERSION + "|" + monthlyPrice + "|" + yearlyPrice
                + "|" + defaultReturnUrl);
        return client().v1().billingPortal().configurations().create(params.build(), idempotent(key)).getId();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface StripeCall<T> {
        T run() throws StripeException;
    }

    private static <T> T call(StripeCall<T> call) {
        try {
            return call.run();
        } catch (StripeException e) {
            throw unavailable(e);
        }
    }

    private static ApiException unavailable(StripeException e) {
        String kind = e instanceof ApiConnectionException ? "unreachable" : e instanceof RateLimitException ? "rate limited"
                : "refused the request (" + e.getStatusCode() + " " + e.getCode() + ")";
        LOG.warning("Stripe " + kind + ": " + e.getClass().getSimpleName() + " request " + e.getRequestId());
        return ApiException.unavailable("the payment service is unavailable; please retry shortly", 30);
    }

    private static RequestOptions idempotent(String key) {
        return RequestOptions.builder().setIdempotencyKey(key).build();
    }

    private StripeClient client() {
        String key = parameters.get(Parameters.STRIPE_API_KEY)
                .orElseThrow(() -> ApiException.unavailable("the payment service is not configured", 60));
        StripeClient current = client;
        if (current == null || !key.equals(clientKey)) {
            StripeClient.StripeClientBuilder builder = StripeClient.builder().setApiKey(key)
                    .setConnectTimeout(3000).setReadTimeout(10000).setMaxNetworkRetries(2);
            apiBase.filter(b -> !b.isBlank()).ifPresent(builder::setApiBase);
            current = builder.build();
            client = current;
            clientKey = key;
        }
        return current;
    }
}
