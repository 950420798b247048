package jp.homebiyori.stripe;

import jp.homebiyori.common.config.InMemoryParameterStore;
import jp.homebiyori.common.error.ApiException;
import jp.homebiyori.localdev.StripeStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** stripe-java against the Stripe stand-in: the wire format both ways, idempotency keys, anonymity. */
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
    void portal_andImmediateCancel_work() {
        assertThat(stripe.portalUrl("cus_1", "https://app.example/settings")).startsWith("https://billing.stripe.com/");
        org.assertj.core.api.Assertions.assertThat(stripe.cancelImmediately("sub_2")).isTrue();
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
