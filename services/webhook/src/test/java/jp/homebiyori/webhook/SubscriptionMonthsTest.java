package jp.homebiyori.webhook;

import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.AddExtension;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
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
import jp.homebiyori.localdev.StripeStub;
import jp.homebiyori.testkit.StripeEvents;
import jp.homebiyori.testkit.TestStack;
import jp.homebiyori.testkit.stripe.StripeLifecycle;
import jp.homebiyori.testkit.time.SimulatedClock;
import jp.homebiyori.testkit.time.SimulatedClockExtension;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subscription's months on a moved clock, delivered as Stripe delivers: the renewal's and the end's
 * events are created just after the stored period end, which is when a clock-based reading of the stored
 * state took every renewal for a plan change and every end for none.
 */
@HelidonTest
@AddExtension(SimulatedClockExtension.class)
class SubscriptionMonthsTest {

    private static final TestStack.Wiring WIRING = TestStack.internalApiAndQueue("ttl-months");
    private static final StripeStub STRIPE = StripeStub.start(0);
    private static final SimulatedClock CLOCK = SimulatedClock.SHARED;
    /** 2027-01-31 10:00 UTC: the next months are short (Feb 28) and long again (Mar 31). */
    private static final long START = Instant.parse("2027-01-31T10:00:00Z").getEpochSecond();

    @AddConfigSource
    static ConfigSource config() {
        Map<String, String> config = new HashMap<>(WIRING.config());
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
    private StripeLifecycle stripe;
    private int delivered;

    @BeforeEach
    void user() {
        CLOCK.set(Instant.ofEpochSecond(START));
        user = "months-" + UUID.randomUUID();
        users.createIfAbsent(UserProfile.initial(user, clock.now()));
        stripe = new StripeLifecycle(user, "cus_" + user.substring(7, 15), "price_m", "price_y", START);
        delivered = 0;
    }

    @AfterEach
    void releaseClock() {
        CLOCK.followSystem();
    }

    /** Delivers every event not delivered yet, each {@code lagSeconds} after it was created, in order. */
    private List<String> deliverNew(long lagSeconds) {
        List<String> outcomes = new ArrayList<>();
        List<StripeLifecycle.Event> events = stripe.events();
        for (; delivered < events.size(); delivered++) {
            outcomes.add(deliver(events.get(delivered), events.get(delivered).created() + lagSeconds));
        }
        return outcomes;
    }

    private String deliver(StripeLifecycle.Event event, long at) {
        CLOCK.set(Instant.ofEpochSecond(Math.max(at, CLOCK.instant().getEpochSecond())));
        long signedAt = CLOCK.instant().getEpochSecond();
        return webhooks.handle(event.json(), StripeEvents.signature(event.json(), StripeEvents.TEST_WEBHOOK_SECRET, signedAt)).outcome();
    }

    private List<NotificationType> notificationTypes() {
        return notifications.list(user, 50, null, false, CLOCK.instant()).items().stream().map(Notification::type).toList();
    }

    private List<String> ttlMessages() {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            for (Message m : sqs.receiveMessage(b -> b.queueUrl(WIRING.queueUrl()).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()) {
                if (m.body().contains(user)) {
                    mine.add(m.body());
                }
                sqs.deleteMessage(b -> b.queueUrl(WIRING.queueUrl()).receiptHandle(m.receiptHandle()));
            }
        }
        return mine;
    }

    @Test
    void monthlyRenewals_justAfterThePeriodEnd_areNoPlanChange() {
        long monthlyBefore = stats.snapshot(clock.today()).premiumMonthly();
        stripe.subscribe(START, "monthly", 0, false);
        assertThat(deliverNew(2)).isSubsetOf("processed", "ignored").contains("processed");
        assertThat(ttlMessages()).singleElement().satisfies(m -> assertThat(m).contains("\"new_plan\":\"monthly\""));
        long firstEnd = stripe.current().orElseThrow().periodEnd();
        assertThat(Instant.ofEpochSecond(firstEnd)).isEqualTo(Instant.parse("2027-02-28T10:00:00Z"));

        // three renewals, each delivered a few seconds after its period end; the clock is past the stored end each time
        for (int month = 1; month <= 3; month++) {
            long storedEnd = subscriptions.find(user).orElseThrow().currentPeriodEnd().toEpochSecond();
            stripe.advanceTo(storedEnd + 2 * 3600);
            assertThat(deliverNew(3)).contains("processed");
            assertThat(CLOCK.instant().getEpochSecond()).isGreaterThan(storedEnd);
            Subscription s = subscriptions.find(user).orElseThrow();
            assertThat(s.currentPeriodEnd().toEpochSecond()).as("period of renewal " + month).isEqualTo(stripe.current().orElseThrow().periodEnd());
            assertThat(s.planInForce()).isEqualTo(Plan.MONTHLY);
            assertThat(s.isPremiumAt(CLOCK.instant())).isTrue();
        }
        assertThat(Instant.ofEpochSecond(stripe.current().orElseThrow().periodEnd())).isEqualTo(Instant.parse("2027-05-31T10:00:00Z"));
        assertThat(ttlMessages()).as("no TTL rewrite for a renewal").isEmpty();
        assertThat(notificationTypes()).filteredOn(t -> t == NotificationType.PLAN_CHANGED).as("plan changed once, at the start").hasSize(1);
        assertThat(notificationTypes()).filteredOn(t -> t == NotificationType.PAYMENT_SUCCEEDED).hasSize(4);
        assertThat(stats.snapshot(clock.today()).premiumMonthly() - monthlyBefore).as("counted once").isEqualTo(1);
    }

    @Test
    void aScheduledCancellation_endsAtThePeriodEnd_premiumToFree() {
        StatsRepository.Snapshot before = stats.snapshot(clock.today());
        stripe.subscribe(START, "monthly", 0, false);
        deliverNew(1);
        stripe.scheduleCancel(START + 10 * 86400);
        deliverNew(1);
        assertThat(subscriptions.find(user).orElseThrow().status()).isEqualTo(Subscription.CANCEL_SCHEDULED);
        assertThat(stats.snapshot(clock.today()).cancellationsScheduled() - before.cancellationsScheduled()).isEqualTo(1);
        long end = stripe.current().orElseThrow().periodEnd();

        // past the end, before Stripe's event: no premium features any more, the counters wait for the event
        CLOCK.set(Instant.ofEpochSecond(end + 1));
        Subscription waiting = subscriptions.find(user).orElseThrow();
        assertThat(waiting.isPremiumAt(CLOCK.instant())).isFalse();
        assertThat(waiting.effectivePlan(CLOCK.instant())).isEqualTo(Plan.FREE);

        stripe.advanceTo(end + 3600);
        assertThat(stripe.events().get(stripe.events().size() - 1).type()).isEqualTo("customer.subscription.deleted");
        assertThat(deliverNew(30)).isSubsetOf("processed", "ignored").contains("processed");
        Subscription ended = subscriptions.find(user).orElseThrow();
        assertThat(ended.status()).isEqualTo("canceled");
        assertThat(ended.planInForce()).isEqualTo(Plan.FREE);
        assertThat(ttlMessages()).hasSize(2).last().satisfies(m -> assertThat(m)
                .contains("\"old_plan\":\"monthly\"").contains("\"new_plan\":\"free\""));
        assertThat(notificationTypes()).filteredOn(t -> t == NotificationType.PLAN_CHANGED).hasSize(2);
        StatsRepository.Snapshot after = stats.snapshot(clock.today());
        assertThat(after.premiumMonthly()).as("the end leaves the premium count").isEqualTo(before.premiumMonthly());
        assertThat(after.cancellationsScheduled()).isEqualTo(before.cancellationsScheduled());
    }

    @Test
    void twoStatesOfTheSameSecond_deliveredNewestFirst_areSettledByAskingStripe() {
        stripe.subscribe(START, "monthly", 0, false);
        deliverNew(1);
        long t = START + 5 * 86400;
        stripe.scheduleCancel(t);
        stripe.reactivate(t);
        List<StripeLifecycle.Event> events = stripe.events();
        StripeLifecycle.Event cancel = events.get(events.size() - 2);
        StripeLifecycle.Event reactivate = events.get(events.size() - 1);
        assertThat(cancel.created()).isEqualTo(reactivate.created());
        String subscriptionId = stripe.current().orElseThrow().subscriptionId();
        STRIPE.server().stubFor(get(urlPathEqualTo("/v1/subscriptions/" + subscriptionId))
                .willReturn(okJson(stripe.subscriptionJson(stripe.stateAt(t + 10).orElseThrow()))));

        assertThat(deliver(reactivate, t + 2)).isEqualTo("processed");
        assertThat(deliver(cancel, t + 4)).as("the older state of the same second").isEqualTo("processed");
        Subscription s = subscriptions.find(user).orElseThrow();
        assertThat(s.status()).as("Stripe's current state, not the last delivered").isEqualTo("active");
        assertThat(s.cancelAtPeriodEnd()).isFalse();
        assertThat(STRIPE.server().findAll(getRequestedFor(urlPathEqualTo("/v1/subscriptions/" + subscriptionId)))).hasSize(1);
        // a retry of either is stale now: the state read from Stripe is stamped with the time it was read
        assertThat(deliver(cancel, t + 400)).isEqualTo("duplicate");
        assertThat(subscriptions.find(user).orElseThrow().status()).isEqualTo("active");
    }

    /** Found by the lifecycle property test: the end of one subscription and the start of the next in one second. */
    @Test
    void cancelNow_andANewCheckout_inTheSameSecond_endWithTheNewSubscription() {
        stripe.subscribe(START, "monthly", 0, false);
        stripe.cancelNow(START);
        stripe.subscribe(START, "yearly", 0, false);
        List<StripeLifecycle.Event> events = stripe.events();
        assertThat(events).extracting(StripeLifecycle.Event::created).containsOnly(START);
        for (String id : stripe.subscriptionIds()) {
            STRIPE.server().stubFor(get(urlPathEqualTo("/v1/subscriptions/" + id))
                    .willReturn(okJson(stripe.subscriptionJson(stripe.stateAt(START, id).orElseThrow()))));
        }
        deliverNew(2);
        Subscription s = subscriptions.find(user).orElseThrow();
        assertThat(s.subscriptionId()).isEqualTo(stripe.current().orElseThrow().subscriptionId());
        assertThat(s.planInForce()).isEqualTo(Plan.YEARLY);
        assertThat(notificationTypes()).filteredOn(t -> t == NotificationType.PLAN_CHANGED).hasSize(3);
        // the old one's end, delivered again late, changes nothing
        StripeLifecycle.Event end = events.stream().filter(e -> e.type().equals("customer.subscription.deleted")).findFirst().orElseThrow();
        assertThat(deliver(new StripeLifecycle.Event(end.id() + "_resent", end.type(), end.created(), end.json().replace(end.id(), end.id() + "_resent")),
                START + 600)).isEqualTo("stale");
        assertThat(subscriptions.find(user).orElseThrow().planInForce()).isEqualTo(Plan.YEARLY);
    }
}
