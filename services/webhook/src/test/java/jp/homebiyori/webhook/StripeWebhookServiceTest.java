package jp.homebiyori.webhook;

import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jp.homebiyori.common.error.ApiException;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.domain.notification.Notification;
import jp.homebiyori.domain.notification.NotificationRepository;
import jp.homebiyori.domain.notification.NotificationType;
import jp.homebiyori.domain.stats.StatsRepository;
import jp.homebiyori.domain.subscription.Plan;
import jp.homebiyori.domain.subscription.Subscription;
import jp.homebiyori.domain.subscription.SubscriptionRepository;
import jp.homebiyori.domain.user.UserProfile;
import jp.homebiyori.domain.user.UserRepository;
import jp.homebiyori.testkit.Concurrently;
import jp.homebiyori.testkit.StripeEvents;
import jp.homebiyori.testkit.TestStack;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Stripe deliveries with real signatures against dynalite, ElasticMQ and the internal notification API
 * (notification-service in the same test server).
 */
@HelidonTest
class StripeWebhookServiceTest {

    private static final TestStack.Wiring WIRING = TestStack.internalApiAndQueue("ttl-wh");
    private static final jp.homebiyori.localdev.StripeStub STRIPE = jp.homebiyori.localdev.StripeStub.start(0);
    private static final String queueUrl = WIRING.queueUrl();

    @AddConfigSource
    static ConfigSource config() {
        Map<String, String> config = new java.util.HashMap<>(WIRING.config());
        config.putAll(TestStack.stripe(STRIPE));
        config.put("homebiyori.stripe.price.monthly", "price_m");
        config.put("homebiyori.stripe.price.yearly", "price_y");
        return TestStack.configSource(config);
    }

    @Inject
    private StripeWebhookService webhooks;
    @Inject
    private SubscriptionRepository subscriptions;
    @Inject
    private UserRepository users;
    @Inject
    private NotificationRepository notifications;
    @Inject
    private StatsRepository stats;
    @Inject
    private JstClock clock;
    @Inject
    private SqsClient sqs;

    private String user;
    private long now;

    @BeforeEach
    void user() {
        user = "wh-" + UUID.randomUUID();
        users.createIfAbsent(UserProfile.initial(user, clock.now()));
        now = Instant.now().getEpochSecond();
    }

    private String subscriptionEvent(String id, String type, long created, String status, boolean cancelAtEnd, String price) {
        return StripeEvents.subscriptionEvent(id, type, created, user, "cus_" + user, "sub_" + user, price, status,
                cancelAtEnd, now - 60, now + 30L * 86400);
    }

    private StripeWebhookService.Outcome deliver(String payload) {
        return webhooks.handle(payload, StripeEvents.signature(payload, StripeEvents.TEST_WEBHOOK_SECRET));
    }

    private List<Message> ttlMessagesFor(String userId) {
        List<Message> mine = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
            for (Message m : batch) {
                if (m.body().contains(userId)) {
                    mine.add(m);
                    sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
                }
            }
        }
        return mine;
    }

    @Test
    void subscribe_makesThePlanPremium_sendsTheTtlMessage_andNotifies() {
        StatsRepository.Snapshot before = stats.snapshot(clock.today());
        var outcome = deliver(subscriptionEvent("evt_c_" + user, "customer.subscription.created", now, "active", false, "price_m"));
        assertThat(outcome.outcome()).isEqualTo("processed");
        Subscription s = subscriptions.find(user).orElseThrow();
        assertThat(s.plan()).isEqualTo(Plan.MONTHLY);
        assertThat(s.isPremiumAt(Instant.now())).isTrue();
        assertThat(s.customerId()).isEqualTo("cus_" + user);
        List<Message> ttl = ttlMessagesFor(user);
        assertThat(ttl).singleElement().satisfies(m -> assertThat(m.body())
                .contains("\"old_plan\":\"free\"").contains("\"new_plan\":\"monthly\"").contains("\"source\":\"webhook-service\""));
        assertThat(notifications.list(user, 10, null, false, Instant.now()).items())
                .extracting(Notification::type).containsExactly(NotificationType.PLAN_CHANGED);
        assertThat(stats.snapshot(clock.today()).premiumMonthly()).isEqualTo(before.premiumMonthly() + 1);
    }

    @Test
    void duplicateDelivery_isAcknowledged_andChangesNothing() {
        String payload = subscriptionEvent("evt_d_" + user, "customer.subscription.created", now, "active", false, "price_y");
        assertThat(deliver(payload).outcome()).isEqualTo("processed");
        ttlMessagesFor(user);
        assertThat(deliver(payload).outcome()).isEqualTo("duplicate");
        assertThat(ttlMessagesFor(user)).isEmpty();
        assertThat(notifications.list(user, 10, null, false, Instant.now()).items()).hasSize(1);
    }

    /** Delivers every payload from its own thread, all released at once; returns the outcomes. */
    private List<String> deliverConcurrently(List<String> payloads) throws Exception {
        return Concurrently.all(payloads.stream().map(p -> (java.util.concurrent.Callable<String>) () -> deliver(p).outcome()).toList());
    }

    @Test
    void sameEvent_deliveredEightTimesAtOnce_countsAndNotifiesOnce() throws Exception {
        StatsRepository.Snapshot before = stats.snapshot(clock.today());
        String payload = subscriptionEvent("evt_p_" + user, "customer.subscription.created", now, "active", false, "price_m");
        List<String> outcomes = deliverConcurrently(java.util.Collections.nCopies(8, payload));
        assertThat(outcomes).isSubsetOf("processed", "duplicate").contains("processed");
        assertThat(subscriptions.find(user).orElseThrow().plan()).isEqualTo(Plan.MONTHLY);
        StatsRepository.Snapshot after = stats.snapshot(clock.today());
        assertThat(after.premiumMonthly() - before.premiumMonthly()).as("counted once").isEqualTo(1);
        assertThat(notifications.list(user, 10, null, false, Instant.now()).items())
                .extracting(Notification::type).containsExactly(NotificationType.PLAN_CHANGED);
        assertThat(ttlMessagesFor(user)).isNotEmpty().allSatisfy(m -> assertThat(m.body()).contains("\"new_plan\":\"monthly\""));
    }

    @Test
    void aSubscriptionsWholeLife_deliveredAtOnceInAnyOrder_withDuplicates_endsInTheLatestState_andCountsExactly() throws Exception {
        StatsRepository.Snapshot before = stats.snapshot(clock.today());
        List<String> life = List.of(
                subscriptionEvent("evt_l1_" + user, "customer.subscription.created", now - 30, "active", false, "price_m"),
                subscriptionEvent("evt_l2_" + user, "customer.subscription.updated", now - 20, "active", false, "price_y"),
                subscriptionEvent("evt_l3_" + user, "customer.subscription.updated", now - 10, "active", true, "price_y"));
        List<String> deliveries = new java.util.ArrayList<>();
        for (int copy = 0; copy < 3; copy++) {
            deliveries.addAll(life);
        }
        java.util.Collections.shuffle(deliveries, new java.util.Random(user.hashCode()));
        deliverConcurrently(deliveries);

        Subscription s = subscriptions.find(user).orElseThrow();
        assertThat(s.plan()).isEqualTo(Plan.YEARLY);
        assertThat(s.status()).isEqualTo(Subscription.CANCEL_SCHEDULED);
        StatsRepository.Snapshot after = stats.snapshot(clock.today());
        assertThat(after.premiumMonthly() - before.premiumMonthly()).as("monthly").isZero();
        assertThat(after.premiumYearly() - before.premiumYearly()).as("yearly").isEqualTo(1);
        assertThat(after.cancellationsScheduled() - before.cancellationsScheduled()).as("scheduled").isEqualTo(1);
    }

    @Test
    void reorderedDelivery_deletedBeforeUpdated_neverResurrectsTheSubscription() {
        deliver(subscriptionEvent("evt_1_" + user, "customer.subscription.created", now - 100, "active", false, "price_m"));
        deliver(subscriptionEvent("evt_3_" + user, "customer.subscription.deleted", now, "canceled", false, "price_m"));
        var late = deliver(subscriptionEvent("evt_2_" + user, "customer.subscription.updated", now - 50, "active", false, "price_m"));
        assertThat(late.outcome()).isEqualTo("stale");
        Subscription s = subscriptions.find(user).orElseThrow();
        assertThat(s.status()).isEqualTo("canceled");
        assertThat(s.isPremiumAt(Instant.now())).isFalse();
    }

    @Test
    void cancelScheduled_keepsPremium_andNotifies_thenReactivationNotifies() {
        deliver(subscriptionEvent("evt_a_" + user, "customer.subscription.created", now - 100, "active", false, "price_m"));
        deliver(subscriptionEvent("evt_b_" + user, "customer.subscription.updated", now - 50, "active", true, "price_m"));
        Subscription scheduled = subscriptions.find(user).orElseThrow();
        assertThat(scheduled.status()).isEqualTo(Subscription.CANCEL_SCHEDULED);
        assertThat(scheduled.isPremiumAt(Instant.now())).isTrue();
        deliver(subscriptionEvent("evt_c_" + user, "customer.subscription.updated", now, "active", false, "price_m"));
        assertThat(notifications.list(user, 10, null, false, Instant.now()).items()).extracting(Notification::type)
                .containsExactly(NotificationType.SUBSCRIPTION_REACTIVATED, NotificationType.SUBSCRIPTION_CANCELED, NotificationType.PLAN_CHANGED);
    }

    @Test
    void paymentFailure_notifiesWithHighPriority() {
        deliver(subscriptionEvent("evt_s_" + user, "customer.subscription.created", now - 10, "active", false, "price_m"));
        deliver(StripeEvents.invoiceEvent("evt_f_" + user, "invoice.payment_failed", now, "cus_" + user));
        Notification failed = notifications.list(user, 10, null, false, Instant.now()).items().get(0);
        assertThat(failed.type()).isEqualTo(NotificationType.PAYMENT_FAILED);
        assertThat(failed.priority()).isEqualTo(Notification.Priority.HIGH);
    }

    @Test
    void badSignature_staleTimestamp_wrongSecret_andMissingHeader_areRefused_andWriteNothing() {
        String payload = subscriptionEvent("evt_x_" + user, "customer.subscription.created", now, "active", false, "price_m");
        String good = StripeEvents.signature(payload, StripeEvents.TEST_WEBHOOK_SECRET);
        assertRefused(payload + " ", good, 401, "INVALID_SIGNATURE");
        assertRefused(payload, StripeEvents.signature(payload, "whsec_other"), 401, "INVALID_SIGNATURE");
        assertRefused(payload, StripeEvents.signature(payload, StripeEvents.TEST_WEBHOOK_SECRET, now - 301), 401, "INVALID_SIGNATURE");
        assertRefused(payload, null, 401, "INVALID_SIGNATURE");
        assertRefused(payload, "garbage", 401, "INVALID_SIGNATURE");
        assertThat(subscriptions.find(user)).isEmpty();
        String oddId = "{\"id\":\"evt_\\ud800\",\"object\":\"event\",\"created\":" + now
                + ",\"type\":\"customer.subscription.created\",\"data\":{\"object\":{\"id\":\"sub_1\"}}}";
        assertRefused(oddId, StripeEvents.signature(oddId, StripeEvents.TEST_WEBHOOK_SECRET), 400, "MALFORMED_EVENT");
        String notJson = "this is not json";
        assertRefused(notJson, StripeEvents.signature(notJson, StripeEvents.TEST_WEBHOOK_SECRET), 400, "MALFORMED_EVENT");
    }

    @Test
    void signedSubscriptionsStripeNeverSends_areRefusedAsMalformed_beforeAnythingIsReadOrWritten() {
        // shapes the contract fuzzer found answering 500/503: a period end past Instant's range, one past
        // year 9999, no subscription id (which sent a same-second conflict to Stripe's API asking for "null")
        String good = subscriptionEvent("evt_m_" + user, "customer.subscription.updated", now, "active", false, "price_m");
        String periodEnd = "\"current_period_end\":" + (now + 30L * 86400);
        assertThat(good).contains(periodEnd);
        for (String bad : List.of(
                good.replace(periodEnd, "\"current_period_end\":9223372036854775807"),
                good.replace(periodEnd, "\"current_period_end\":31556889864403200"),
                good.replace(periodEnd, "\"current_period_end\":253402300800"),
                good.replace(periodEnd, "\"current_period_end\":1.5E9"),
                good.replace("\"id\":\"sub_" + user + "\"", "\"id\":null"),
                good.replace("\"id\":\"sub_" + user + "\",", ""),
                good.replace("\"created\":" + now, "\"created\":-1"))) {
            assertThat(bad).isNotEqualTo(good);
            assertRefused(bad, StripeEvents.signature(bad, StripeEvents.TEST_WEBHOOK_SECRET), 400, "MALFORMED_EVENT");
        }
        assertThat(subscriptions.find(user)).isEmpty();
        assertThat(STRIPE.server().findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/v1/subscriptions/.*")))).isEmpty();
        // the same event, well formed, still applies
        assertThat(deliver(good).outcome()).isEqualTo("processed");
    }

    @Test
    void unknownEventType_isAcknowledgedAndIgnored() {
        String payload = "{\"id\":\"evt_u_" + user + "\",\"object\":\"event\",\"created\":" + now
                + ",\"type\":\"charge.refunded\",\"data\":{\"object\":{\"id\":\"ch_1\",\"object\":\"charge\"}}}";
        assertThat(deliver(payload).outcome()).isEqualTo("ignored");
    }

    @Test
    void eventForADeletedAccount_cancelsTheLiveSubscriptionAtStripe_andStoresNothing() {
        users.delete(user);
        var outcome = deliver(subscriptionEvent("evt_g_" + user, "customer.subscription.updated", now, "active", false, "price_m"));
        assertThat(outcome.outcome()).isEqualTo("canceled");
        assertThat(subscriptions.find(user)).isEmpty();
        assertThat(STRIPE.server().findAll(com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/v1/subscriptions/sub_" + user)))).hasSize(1);
        // its end, reported afterwards, has nothing left to cancel
        var end = deliver(subscriptionEvent("evt_g2_" + user, "customer.subscription.deleted", now + 1, "canceled", false, "price_m"));
        assertThat(end.outcome()).isEqualTo("ignored");
        assertThat(subscriptions.find(user)).isEmpty();
    }

    private void assertRefused(String payload, String signature, int status, String code) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> webhooks.handle(payload, signature));
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.code()).isEqualTo(code);
    }
}
