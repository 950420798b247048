package jp.homebiyori.webhook;

import io.helidon.microprofile.server.ServerCdiExtension;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.domain.user.UserProfile;
import jp.homebiyori.domain.user.UserRepository;
import jp.homebiyori.localdev.ElasticMqServer;
import jp.homebiyori.testkit.RawHttp;
import jp.homebiyori.testkit.StripeEvents;
import jp.homebiyori.testkit.TestStack;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static jp.homebiyori.testkit.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQS server down when a plan change arrives: the webhook answers 503 so that Stripe retries, and
 * the retry — with SQS back — sends the TTL message. The plan change is not lost.
 */
@HelidonTest
class SqsOutageTest {

    private static final int SQS_PORT = TestStack.freePort();
    private static final String QUEUE = "ttl-outage";
    private static ElasticMqServer sqs = ElasticMqServer.start("127.0.0.1", SQS_PORT);
    private static final String QUEUE_URL = sqs.createQueueWithDlq(QUEUE, 30);

    @AddConfigSource
    static ConfigSource config() {
        return TestStack.configSource(Map.of(
                "homebiyori.sqs.endpoint", sqs.endpoint().toString(),
                "homebiyori.sqs.ttl-queue-url", QUEUE_URL,
                "homebiyori.parameters.stripe.webhook_secret", StripeEvents.TEST_WEBHOOK_SECRET,
                "homebiyori.internal.base-url", "http://127.0.0.1:1"));
    }

    @Inject
    private ServerCdiExtension server;
    @Inject
    private UserRepository users;
    @Inject
    private JstClock clock;
    @Inject
    private jp.homebiyori.domain.stats.StatsRepository stats;

    private RawHttp.Reply deliver(String payload) {
        return RawHttp.send(server.port(), "POST", "/api/webhook/stripe", "application/json", payload,
                Map.of("Stripe-Signature", StripeEvents.signature(payload, StripeEvents.TEST_WEBHOOK_SECRET)));
    }

    @Test
    void planChangeDuringAnSqsOutage_is503_andStripesRetrySendsTheTtlMessage() {
        String user = "sqs-" + UUID.randomUUID();
        users.createIfAbsent(UserProfile.initial(user, clock.now()));
        long now = Instant.now().getEpochSecond();
        String payload = StripeEvents.subscriptionEvent("evt_o_" + user, "customer.subscription.created", now, user,
                "cus_o", "sub_o", "price_monthly_local", "active", false, now - 60, now + 30L * 86400);

        long monthlyBefore = stats.snapshot(clock.today()).premiumMonthly();
        sqs.close();
        assertError(deliver(payload), 503, "SERVICE_UNAVAILABLE");

        sqs = ElasticMqServer.start("127.0.0.1", SQS_PORT);
        String url = sqs.createQueueWithDlq(QUEUE, 30);
        RawHttp.Reply retried = deliver(payload);
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(retried.json().path("outcome").asText()).isEqualTo("processed");
        var messages = sqs.client().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(2)).messages();
        assertThat(messages).singleElement().satisfies(m -> assertThat(m.body()).contains(user).contains("\"new_plan\":\"monthly\""));
        assertThat(stats.snapshot(clock.today()).premiumMonthly()).as("counted once").isEqualTo(monthlyBefore + 1);
        sqs.close();
    }
}
