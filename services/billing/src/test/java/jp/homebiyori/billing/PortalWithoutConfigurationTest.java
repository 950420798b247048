package jp.homebiyori.billing;

import io.helidon.microprofile.server.ServerCdiExtension;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.domain.subscription.Plan;
import jp.homebiyori.domain.subscription.Subscription;
import jp.homebiyori.domain.subscription.SubscriptionRepository;
import jp.homebiyori.localdev.StripeStub;
import jp.homebiyori.testkit.RawHttp;
import jp.homebiyori.testkit.TestStack;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static jp.homebiyori.testkit.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without {@code homebiyori.stripe.portal-configuration} the portal stays closed: Stripe's default
 * portal would let the user cancel past the app's own flow, so the answer is a 503 with the error body
 * and a log line, and no portal session is asked of Stripe.
 */
@HelidonTest
class PortalWithoutConfigurationTest {

    private static final StripeStub STRIPE = StripeStub.start(0);

    @AddConfigSource
    static ConfigSource config() {
        return TestStack.configSource(Map.of(
                "homebiyori.stripe.api-base", STRIPE.baseUrl(),
                "homebiyori.parameters.stripe.api_key", "sk_test_local"));
    }

    @Inject
    private ServerCdiExtension server;
    @Inject
    private SubscriptionRepository subscriptions;
    @Inject
    private JstClock clock;

    @Test
    void aMissingConfiguration_isA503_isLogged_andNeverFallsBackToStripesDefaultPortal() {
        String user = "nc-" + UUID.randomUUID();
        OffsetDateTime now = clock.now();
        subscriptions.saveIfNotOlder(new Subscription(user, "cus_" + user.substring(0, 8), "sub_" + user.substring(0, 8),
                Plan.MONTHLY, "active", now.minusDays(1), now.plusDays(29), false, 100, now));
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(BillingService.class.getName());
        logger.addHandler(capture);
        try {
            RawHttp.Reply reply = RawHttp.get(server.port(), "/api/billing/portal", RawHttp.bearer(TestStack.userToken(user)));
            assertError(reply, 503, "SERVICE_UNAVAILABLE");
            assertThat(reply.body()).contains("customer portal is not configured");
        } finally {
            logger.removeHandler(capture);
        }
        assertThat(logged).anySatisfy(r -> {
            assertThat(r.getLevel()).isEqualTo(Level.SEVERE);
            assertThat(r.getMessage()).contains("homebiyori.stripe.portal-configuration");
        });
        STRIPE.server().verify(0, postRequestedFor(urlEqualTo("/v1/billing_portal/sessions")));
    }
}
