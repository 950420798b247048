package jp.homebiyori.localdev;

import com.github.tomakehurst.wiremock.WireMockServer;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A stand-in for Stripe's API (no Stripe account or network here): WireMock with the mappings under
 * {@code stripe-stub/mappings} for the calls the backend makes (customers: create, delete; Checkout and Customer Portal
 * sessions, subscription retrieval, updates and cancellation) and the operator's Customer Portal configuration
 * (prices — an id containing {@code year} is a yearly price, any other a monthly one, both of product
 * {@code prod_local_premium} — and the configuration itself), answering in Stripe's JSON shapes and
 * echoing what was asked. Requests are recorded, so tests can check what was sent (idempotency keys,
 * metadata, no e-mail, the portal's configuration).
 */
public final class StripeStub implements AutoCloseable {

    private final WireMockServer server;

    private StripeStub(WireMockServer server) {
        this.server = server;
    }

    public static StripeStub start(int port) {
        WireMockServer server = new WireMockServer(wireMockConfig()
                .bindAddress("127.0.0.1")
                .port(port)
                .usingFilesUnderClasspath("stripe-stub")
                .globalTemplating(false));
        server.start();
        return new StripeStub(server);
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    public WireMockServer server() {
        return server;
    }

    @Override
    public void close() {
        server.stop();
    }
}
