package jp.homebiyori.stripe;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jp.homebiyori.common.config.InMemoryParameterStore;
import jp.homebiyori.common.error.ApiException;
import jp.homebiyori.localdev.StripeStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * stripe-java against the Stripe stand-in: the wire format both ways, idempotency keys, anonymity, the
 * Customer Portal's configuration and the operator command that creates it.
 */
class StripeGatewayTest {

    private static StripeStub stub;
    private static StripeGateway stripe;

    @BeforeAll
    static void start() {
        stub = StripeStub.start(0);
        stripe = new StripeGateway(new InMemoryParameterStore(Map.of("stripe/api_key", "sk_test_local")),
                Optional.of(stub.baseUrl()));
    }

    @AfterAll
    static void stop() {
        stub.close();
    }

    @Test
    void customer_isAnonymous_withTheUserIdInMetadata_andAnIdempotencyKey() {
        String id = stripe.createCustomer("user-123");
        assertThat(id).startsWith("cus_");
        stub.server().verify(postRequestedFor(urlEqualTo("/v1/customers"))
                .withHeader("Idempotency-Key", equalTo("customer-user-123"))
                .withHeader("Authorization", equalTo("Bearer sk_test_local"))
                .withRequestBody(containing("metadata[user_id]=user-123"))
                .withRequestBody(notContaining("email")));
    }

    @Test
    void checkout_sendsPriceUrlsAndMetadata_andReturnsTheHostedUrl() {
        var link = stripe.createCheckout("cus_1", "user-9", "price_m", "https://app.example/ok", "https://app.example/ng", "co-key-1");
        assertThat(link.url()).startsWith("https://checkout.stripe.com/c/pay/").endsWith(link.sessionId());
        assertThat(link.expiresAt()).isNotNull();
        stub.server().verify(postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
                .withHeader("Idempotency-Key", equalTo("co-key-1"))
                .withRequestBody(containing("mode=subscription"))
                .withRequestBody(containing("line_items[0][price]=price_m"))
                .withRequestBody(containing("subscription_data[metadata][user_id]=user-9")));
    }

    @Test
    void cancelAtPeriodEnd_roundTrips() {
        assertThat(stripe.setCancelAtPeriodEnd("sub_1", true, "k1").cancelAtPeriodEnd()).isTrue();
        assertThat(stripe.setCancelAtPeriodEnd("sub_1", false, "k2").cancelAtPeriodEnd()).isFalse();
    }

    @Test
    void portal_opensTheGivenConfiguration_andImmediateCancel_works() {
        assertThat(stripe.portalUrl("cus_1", "bpc_given", "https://app.example/billing")).startsWith("https://billing.stripe.com/");
        List<LoggedRequest> sessions = stub.server().findAll(postRequestedFor(urlEqualTo("/v1/billing_portal/sessions")));
        assertThat(form(sessions.get(sessions.size() - 1))).containsEntry("customer", "cus_1")
                .containsEntry("configuration", "bpc_given").containsEntry("return_url", "https://app.example/billing");
        assertThat(stripe.cancelImmediately("sub_2")).isTrue();
    }

    @Test
    void portalConfiguration_offersNoCancellation_switchesBetweenTheTwoPrices_andKeepsTheCustomerAnonymous() throws Exception {
        String id = stripe.createPortalConfiguration("price_monthly_x", "price_yearly_x", "https://app.example/billing");
        assertThat(id).startsWith("bpc_");
        stub.server().verify(getRequestedFor(urlEqualTo("/v1/prices/price_monthly_x")));
        stub.server().verify(getRequestedFor(urlEqualTo("/v1/prices/price_yearly_x")));
        List<LoggedRequest> creates = stub.server().findAll(postRequestedFor(urlEqualTo("/v1/billing_portal/configurations")));
        LoggedRequest create = creates.get(creates.size() - 1);
        assertThat(create.getHeader("Idempotency-Key")).startsWith("portal-configuration-");
        Map<String, String> sent = form(create);
        assertThat(sent).containsEntry("features[subscription_cancel][enabled]", "false")
                .containsEntry("features[subscription_update][enabled]", "true")
                .containsEntry("features[subscription_update][default_allowed_updates][0]", "price")
                .containsEntry("features[subscription_update][products][0][product]", "prod_local_premium")
                .containsEntry("features[subscription_update][products][0][prices][0]", "price_monthly_x")
                .containsEntry("features[subscription_update][products][0][prices][1]", "price_yearly_x")
                .containsEntry("features[subscription_update][proration_behavior]", "always_invoice")
                .containsEntry("features[subscription_update][schedule_at_period_end][conditions][0][type]", "shortening_interval")
                .containsEntry("features[payment_method_update][enabled]", "true")
                .containsEntry("features[invoice_history][enabled]", "true")
                .containsEntry("features[customer_update][enabled]", "false")
                .containsEntry("default_return_url", "https://app.example/billing");
        assertThat(sent.keySet()).noneMatch(k -> k.startsWith("features[customer_update][allowed_updates]"));
    }

    @Test
    void portalConfiguration_withThePricesSwapped_isRefused_beforeAnythingIsCreated() {
        int before = stub.server().findAll(postRequestedFor(urlEqualTo("/v1/billing_portal/configurations"))).size();
        assertThatThrownBy(() -> stripe.createPortalConfiguration("price_yearly_x", "price_monthly_x", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("per month");
        assertThat(stub.server().findAll(postRequestedFor(urlEqualTo("/v1/billing_portal/configurations")))).hasSize(before);
    }

    @Test
    void theOperatorCommand_printsTheIdAlone_andNeedsTheKeyFromTheEnvironment() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = PortalConfigurationCommand.run(new String[] {"--monthly", "price_monthly_c", "--yearly", "price_yearly_c",
                "--api-base", stub.baseUrl()}, Map.of("STRIPE_API_KEY", "sk_test_operator"), new PrintStream(out), new PrintStream(err));
        assertThat(status).as(err.toString()).isZero();
        assertThat(out.toString().strip()).matches("bpc_\\w+");
        stub.server().verify(postRequestedFor(urlEqualTo("/v1/billing_portal/configurations"))
                .withHeader("Authorization", equalTo("Bearer sk_test_operator")));

        assertThat(PortalConfigurationCommand.run(new String[] {"--monthly", "price_monthly_c", "--yearly", "price_yearly_c"},
                Map.of(), new PrintStream(out), new PrintStream(err))).isEqualTo(2);
        assertThat(PortalConfigurationCommand.run(new String[] {"--monthly", "price_monthly_c"},
                Map.of("STRIPE_API_KEY", "sk"), new PrintStream(out), new PrintStream(err))).isEqualTo(2);
    }

    /** A form-encoded Stripe request body as a map (stripe-java writes nested keys with brackets). */
    private static Map<String, String> form(LoggedRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    @Test
    void deleteCustomer_sendsTheDelete_andACustomerAlreadyGoneCountsAsDone() {
        assertThat(stripe.deleteCustomer("cus_del1")).isTrue();
        stub.server().verify(1, deleteRequestedFor(urlEqualTo("/v1/customers/cus_del1"))
                .withHeader("Authorization", equalTo("Bearer sk_test_local")));

        var missing = stub.server().stubFor(delete(urlEqualTo("/v1/customers/cus_gone")).atPriority(1)
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":\"resource_missing\",\"message\":\"No such customer: 'cus_gone'\","
                                + "\"param\":\"id\",\"type\":\"invalid_request_error\"}}")));
        try {
            assertThat(stripe.deleteCustomer("cus_gone")).isFalse();
        } finally {
            stub.server().removeStub(missing);
        }
    }

    @Test
    void deleteCustomer_refusedOtherwise_isA503() {
        var refused = stub.server().stubFor(delete(urlEqualTo("/v1/customers/cus_locked")).atPriority(1)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":\"parameter_invalid\",\"message\":\"refused\",\"type\":\"invalid_request_error\"}}")));
        try {
            ApiException e = catchThrowableOfType(ApiException.class, () -> stripe.deleteCustomer("cus_locked"));
            assertThat(e.status()).isEqualTo(503);
        } finally {
            stub.server().removeStub(refused);
        }
    }

    @Test
    void unreachableStripe_isA503() {
        StripeGateway offline = new StripeGateway(new InMemoryParameterStore(Map.of("stripe/api_key", "sk_test_local")),
                Optional.of("http://127.0.0.1:1"));
        ApiException e = catchThrowableOfType(ApiException.class, () -> offline.createCustomer("u"));
        assertThat(e.status()).isEqualTo(503);
    }
}
