package jp.homebiyori.billing;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.helidon.microprofile.server.ServerCdiExtension;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jp.homebiyori.client.user.ApiException;
import jp.homebiyori.client.user.api.BillingApi;
import jp.homebiyori.client.user.model.CancelReason;
import jp.homebiyori.client.user.model.CancelRequest;
import jp.homebiyori.client.user.model.CheckoutRequest;
import jp.homebiyori.client.user.model.CheckoutSession;
import jp.homebiyori.client.user.model.PaidPlan;
import jp.homebiyori.client.user.model.SubscriptionStatus;
import jp.homebiyori.client.user.model.SubscriptionStatusValue;
import jp.homebiyori.common.auth.DeletedAccounts;
import jp.homebiyori.common.db.Table;
import jp.homebiyori.common.db.TableNames;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.domain.stats.StatsRepository;
import jp.homebiyori.domain.subscription.Plan;
import jp.homebiyori.domain.subscription.Subscription;
import jp.homebiyori.domain.subscription.SubscriptionRepository;
import jp.homebiyori.localdev.StripeStub;
import jp.homebiyori.testkit.ApiClients;
import jp.homebiyori.testkit.Concurrently;
import jp.homebiyori.testkit.RawHttp;
import jp.homebiyori.testkit.TestStack;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static jp.homebiyori.testkit.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** billing-service over HTTP with the generated client; Stripe is the WireMock stand-in. */
@HelidonTest
class BillingResourceTest {

    private static final StripeStub STRIPE = StripeStub.start(0);
    private static final String PORTAL_CONFIGURATION = "bpc_test_no_cancellation";

    @AddConfigSource
    static ConfigSource config() {
        return TestStack.configSource(Map.of(
                "homebiyori.stripe.api-base", STRIPE.baseUrl(),
                "homebiyori.parameters.stripe.api_key", "sk_test_local",
                "homebiyori.stripe.portal-configuration", PORTAL_CONFIGURATION,
                "homebiyori.billing.allowed-origins", "https://app.homebiyori.example,http://localhost:3000"));
    }

    @Inject
    private ServerCdiExtension server;
    @Inject
    private SubscriptionRepository subscriptions;
    @Inject
    private TableNames tables;
    @Inject
    private JstClock clock;
    @Inject
    private StatsRepository stats;
    @Inject
    private DeletedAccounts deletedAccounts;

    private BillingApi billing(String user) {
        return new BillingApi(ApiClients.user(server.port(), TestStack.userToken(user)));
    }

    private void seedActive(String user) {
        OffsetDateTime now = clock.now();
        subscriptions.saveIfNotOlder(new Subscription(user, "cus_" + user.substring(0, 8), "sub_" + user.substring(0, 8),
                Plan.MONTHLY, "active", now.minusDays(1), now.plusDays(29), false, 100, now));
    }

    @Test
    void newUser_isFree_withFreeFeatures() throws Exception {
        SubscriptionStatus s = billing("b-" + UUID.randomUUID()).getSubscription();
        assertThat(s.getCurrentPlan().getValue()).isEqualTo("free");
        assertThat(s.getStatus()).isEqualTo(SubscriptionStatusValue.NONE);
        assertThat(s.getIsPremium()).isFalse();
        assertThat(s.getFeatures().getGroupChat()).isFalse();
        assertThat(s.getFeatures().getChatRetentionDays()).isEqualTo(30);
    }

    @Test
    void afterTheEnd_theSubscriptionReadsFree_aScheduledCancellationPastItsPeriodToo() throws Exception {
        OffsetDateTime now = clock.now();
        String ended = "end-" + UUID.randomUUID();
        subscriptions.saveIfNotOlder(new Subscription(ended, "cus_e", "sub_e", Plan.MONTHLY, "canceled",
                now.minusDays(31), now.minusDays(1), true, 100, now));
        SubscriptionStatus s = billing(ended).getSubscription();
        assertThat(s.getCurrentPlan().getValue()).isEqualTo("free");
        assertThat(s.getStatus()).isEqualTo(SubscriptionStatusValue.CANCELED);
        assertThat(s.getIsPremium()).isFalse();
        assertThat(s.getFeatures().getChatRetentionDays()).isEqualTo(30);

        // Stripe's end event has not arrived yet, but the period of the scheduled cancellation is over
        String waiting = "wait-" + UUID.randomUUID();
        subscriptions.saveIfNotOlder(new Subscription(waiting, "cus_w", "sub_w", Plan.YEARLY, Subscription.CANCEL_SCHEDULED,
                now.minusYears(1), now.minusSeconds(5), true, 100, now));
        SubscriptionStatus w = billing(waiting).getSubscription();
        assertThat(w.getCurrentPlan().getValue()).isEqualTo("free");
        assertThat(w.getIsPremium()).isFalse();

        // an active one whose stored period has just passed is premium until Stripe reports the renewal or the end
        String renewing = "renew-" + UUID.randomUUID();
        subscriptions.saveIfNotOlder(new Subscription(renewing, "cus_r", "sub_r", Plan.MONTHLY, "active",
                now.minusMonths(1), now.minusSeconds(5), false, 100, now));
        SubscriptionStatus r = billing(renewing).getSubscription();
        assertThat(r.getCurrentPlan().getValue()).isEqualTo("monthly");
        assertThat(r.getIsPremium()).isTrue();
    }

    @Test
    void checkout_createsOneAnonymousCustomer_andReturnsTheHostedPage() throws Exception {
        String user = "co-" + UUID.randomUUID();
        CheckoutRequest request = new CheckoutRequest().planType(PaidPlan.YEARLY)
                .successUrl("https://app.homebiyori.example/billing/success")
                .cancelUrl("https://app.homebiyori.example/billing");
        CheckoutSession first = billing(user).createCheckoutSession(request);
        billing(user).createCheckoutSession(request);
        assertThat(first.getCheckoutUrl()).startsWith("https://checkout.stripe.com/");
        assertThat(subscriptions.find(user).orElseThrow().customerId()).startsWith("cus_");
        STRIPE.server().verify(1, postRequestedFor(urlEqualTo("/v1/customers")).withRequestBody(containing("metadata[user_id]=" + user)));
        STRIPE.server().verify(postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
                .withRequestBody(containing("price_yearly_local")).withRequestBody(containing("user_id%5D=" + user).or(containing("user_id]=" + user))));
    }

    @Test
    void checkout_toAForeignOrigin_isRefused_andCreatesNothing() {
        String user = "or-" + UUID.randomUUID();
        for (String bad : new String[] {"https://evil.example/phish", "https://app.homebiyori.example.evil.example/x",
                "https://user@app.homebiyori.example/x", "http://app.homebiyori.example/x"}) {
            ApiException e = catchThrowableOfType(ApiException.class, () -> billing(user).createCheckoutSession(new CheckoutRequest()
                    .planType(PaidPlan.MONTHLY).successUrl(bad).cancelUrl("http://localhost:3000/billing")));
            assertError(e.getCode(), e.getResponseBody(), 400, "REDIRECT_URL_NOT_ALLOWED");
        }
        assertThat(subscriptions.find(user)).isEmpty();
    }

    @Test
    void checkout_withAPremiumPlan_isAConflict() {
        String user = "pr-" + UUID.randomUUID();
        seedActive(user);
        ApiException e = catchThrowableOfType(ApiException.class, () -> billing(user).createCheckoutSession(new CheckoutRequest()
                .planType(PaidPlan.MONTHLY).successUrl("http://localhost:3000/ok").cancelUrl("http://localhost:3000/ng")));
        assertError(e.getCode(), e.getResponseBody(), 409, "ALREADY_SUBSCRIBED");
    }

    @Test
    void cancel_keepsPremiumUntilThePeriodEnd_storesTheReason_andReactivateUndoesIt() throws Exception {
        String user = "ca-" + UUID.randomUUID();
        seedActive(user);
        CancelRequest reason = new CancelRequest().reasonCategory(CancelReason.PRICE).satisfactionScore(4).reasonText("少し高い");
        SubscriptionStatus scheduled = billing(user).cancelSubscription(reason);
        assertThat(scheduled.getStatus()).isEqualTo(SubscriptionStatusValue.CANCEL_SCHEDULED);
        assertThat(scheduled.getIsPremium()).isTrue();
        assertThat(scheduled.getCancelAtPeriodEnd()).isTrue();
        assertThat(TestStack.dynamo().scan(b -> b.tableName(tables.of(Table.FEEDBACK))).items())
                .anySatisfy(item -> {
                    assertThat(item.get("user_id").s()).isEqualTo(user);
                    assertThat(item.get("reason_category").s()).isEqualTo("price");
                });

        ApiException twice = catchThrowableOfType(ApiException.class, () -> billing(user).cancelSubscription(reason));
        assertError(twice.getCode(), twice.getResponseBody(), 409, "SUBSCRIPTION_NOT_CANCELABLE");

        SubscriptionStatus reactivated = billing(user).reactivateSubscription();
        assertThat(reactivated.getStatus()).isEqualTo(SubscriptionStatusValue.ACTIVE);
        assertThat(reactivated.getCancelAtPeriodEnd()).isFalse();
        ApiException again = catchThrowableOfType(ApiException.class, () -> billing(user).reactivateSubscription());
        assertError(again.getCode(), again.getResponseBody(), 409, "NO_SCHEDULED_CANCELLATION");
    }

    @Test
    void parallelCancellations_thenParallelReactivations_moveTheScheduledCounterOnceEach() throws Exception {
        String user = "pc-" + UUID.randomUUID();
        seedActive(user);
        long before = stats.snapshot(clock.today()).cancellationsScheduled();
        CancelRequest reason = new CancelRequest().reasonCategory(CancelReason.OTHER).satisfactionScore(3);
        inParallel(6, () -> billing(user).cancelSubscription(reason));
        assertThat(subscriptions.find(user).orElseThrow().status()).isEqualTo(Subscription.CANCEL_SCHEDULED);
        assertThat(stats.snapshot(clock.today()).cancellationsScheduled()).as("scheduled once").isEqualTo(before + 1);
        inParallel(6, () -> billing(user).reactivateSubscription());
        assertThat(subscriptions.find(user).orElseThrow().status()).isEqualTo("active");
        assertThat(stats.snapshot(clock.today()).cancellationsScheduled()).as("undone once").isEqualTo(before);
    }

    /** Runs the call from {@code n} threads released together; a 409 (the state moved on) is an expected loss. */
    private static void inParallel(int n, java.util.concurrent.Callable<?> call) throws Exception {
        Concurrently.all(java.util.Collections.nCopies(n, (java.util.concurrent.Callable<Object>) () -> {
            try {
                return call.call();
            } catch (ApiException e) {
                assertThat(e.getCode()).as(e.getResponseBody()).isEqualTo(409);
                return null;
            }
        }));
    }

    @Test
    void cancel_onTheFreePlan_isAConflict_andABadScoreIs400() {
        String user = "fr-" + UUID.randomUUID();
        ApiException free = catchThrowableOfType(ApiException.class, () -> billing(user).cancelSubscription(
                new CancelRequest().reasonCategory(CancelReason.OTHER).satisfactionScore(3)));
        assertError(free.getCode(), free.getResponseBody(), 409, "SUBSCRIPTION_NOT_CANCELABLE");
        RawHttp.Reply badScore = RawHttp.send(server.port(), "POST", "/api/billing/cancel", "application/json",
                "{\"reason_category\":\"price\",\"satisfaction_score\":6}", RawHttp.bearer(TestStack.userToken(user)));
        assertError(badScore, 400, "VALIDATION_ERROR");
        RawHttp.Reply badReason = RawHttp.send(server.port(), "POST", "/api/billing/cancel", "application/json",
                "{\"reason_category\":\"boredom\",\"satisfaction_score\":3}", RawHttp.bearer(TestStack.userToken(user)));
        assertError(badReason, 400, "VALIDATION_ERROR");
    }

    @Test
    void portal_needsACustomer_opensTheAppsConfiguration_andReturnsToTheBillingPage() throws Exception {
        String user = "po-" + UUID.randomUUID();
        ApiException none = catchThrowableOfType(ApiException.class, () -> billing(user).getPortalSession(null));
        assertError(none.getCode(), none.getResponseBody(), 409, "NO_BILLING_CUSTOMER");
        seedActive(user);
        String customer = subscriptions.find(user).orElseThrow().customerId();

        assertThat(billing(user).getPortalSession(null).getPortalUrl()).startsWith("https://billing.stripe.com/");
        assertThat(lastPortalSession(customer))
                .containsEntry("configuration", PORTAL_CONFIGURATION)
                .containsEntry("return_url", "https://app.homebiyori.example/billing");

        assertThat(billing(user).getPortalSession("http://localhost:3000/billing?from=portal").getPortalUrl())
                .startsWith("https://billing.stripe.com/");
        assertThat(lastPortalSession(customer))
                .containsEntry("configuration", PORTAL_CONFIGURATION)
                .containsEntry("return_url", "http://localhost:3000/billing?from=portal");

        ApiException foreign = catchThrowableOfType(ApiException.class, () -> billing(user).getPortalSession("https://evil.example/"));
        assertError(foreign.getCode(), foreign.getResponseBody(), 400, "REDIRECT_URL_NOT_ALLOWED");
    }

    /** The form fields of the newest portal session the stand-in received for {@code customer}. */
    static Map<String, String> lastPortalSession(String customer) {
        List<LoggedRequest> sessions = STRIPE.server().findAll(postRequestedFor(urlEqualTo("/v1/billing_portal/sessions"))
                .withRequestBody(containing("customer=" + customer)));
        assertThat(sessions).as("portal sessions of " + customer).isNotEmpty();
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (String pair : sessions.get(sessions.size() - 1).getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    @Test
    void aTokenIssuedBeforeTheAccountsDeletion_isRefused_andCreatesNoStripeCustomer_butATokenIssuedSinceChecksOut() throws Exception {
        String user = "gone-" + UUID.randomUUID();
        BillingApi voided = new BillingApi(ApiClients.user(server.port(), TestStack.userToken(user, clock.instant().minusSeconds(60))));
        deletedAccounts.mark(user, clock.instant());
        CheckoutRequest request = new CheckoutRequest().planType(PaidPlan.MONTHLY)
                .successUrl("http://localhost:3000/ok").cancelUrl("http://localhost:3000/ng");

        ApiException checkout = catchThrowableOfType(ApiException.class, () -> voided.createCheckoutSession(request));
        assertError(checkout.getCode(), checkout.getResponseBody(), 401, "UNAUTHORIZED");
        ApiException status = catchThrowableOfType(ApiException.class, voided::getSubscription);
        assertError(status.getCode(), status.getResponseBody(), 401, "UNAUTHORIZED");
        ApiException portal = catchThrowableOfType(ApiException.class, () -> voided.getPortalSession("http://localhost:3000/settings"));
        assertError(portal.getCode(), portal.getResponseBody(), 401, "UNAUTHORIZED");
        assertThat(STRIPE.server().findAll(postRequestedFor(urlEqualTo("/v1/customers"))
                .withRequestBody(containing("metadata[user_id]=" + user)))).as("no Stripe customer for a gone account").isEmpty();
        assertThat(subscriptions.find(user)).isEmpty();

        assertThat(billing(user).createCheckoutSession(request).getCheckoutUrl()).as("a token issued since").startsWith("https://checkout.stripe.com/");
        STRIPE.server().verify(1, postRequestedFor(urlEqualTo("/v1/customers")).withRequestBody(containing("metadata[user_id]=" + user)));
    }

    @Test
    void withoutToken_is401() {
        assertError(RawHttp.get(server.port(), "/api/billing/subscription", Map.of()), 401, "UNAUTHORIZED");
        assertError(RawHttp.get(server.port(), "/api/billing/subscription", RawHttp.bearer(TestStack.adminToken("a"))), 401, "UNAUTHORIZED");
    }
}
