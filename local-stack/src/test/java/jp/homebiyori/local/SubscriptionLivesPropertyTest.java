package jp.homebiyori.local;

import io.helidon.microprofile.server.Server;
import jakarta.enterprise.inject.spi.CDI;
import jp.homebiyori.billing.BillingService;
import jp.homebiyori.chat.ChatService;
import jp.homebiyori.common.db.Table;
import jp.homebiyori.common.db.TableNames;
import jp.homebiyori.common.error.ApiException;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.domain.character.AiCharacter;
import jp.homebiyori.domain.character.Mood;
import jp.homebiyori.domain.character.PraiseLevel;
import jp.homebiyori.domain.chat.ChatMessage.ChatType;
import jp.homebiyori.domain.feedback.CancellationFeedback;
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
import jp.homebiyori.ttlupdater.TtlBatchProcessor;
import jp.homebiyori.webhook.StripeWebhookService;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random subscription lives of at least 24 simulated months each, against the real services in one
 * process on dynalite, ElasticMQ and the internal notification API — driven by the backend's one clock
 * (testkit's {@link SimulatedClock}) and by a Stripe lifecycle model that emits the events Stripe emits,
 * delivered promptly, late and duplicated, or after an outage in any order. After every life the stored
 * state is checked against the model and the dashboard's counters against a recount of the tables.
 * The default build runs 100 lives; {@code -Plives-deep} 500 (see local-stack/pom.xml).
 */
class SubscriptionLivesPropertyTest {

    private static final long HOUR = 3600;
    private static final long DAY = 86400;
    private static final String MONTHLY_PRICE = "price_lives_m";
    private static final String YEARLY_PRICE = "price_lives_y";
    private static final SimulatedClock CLOCK = SimulatedClock.SHARED;

    /** What the lives did, over the whole run (printed when the container ends, for the docs and the closing note). */
    private static final Map<String, Long> SUMMARY = new java.util.concurrent.ConcurrentSkipListMap<>();

    private static void count(String what, long n) {
        SUMMARY.merge(what, n, Long::sum);
    }

    private static Server server;
    private static StripeStub stripe;
    private static String queueUrl;
    private static Map<String, String> config;

    @BeforeContainer
    static void start() {
        stripe = StripeStub.start(0);
        LocalServices.issuer(TestStack.issuer());
        TestStack.Wiring wiring = TestStack.internalApiAndQueue("lives");
        queueUrl = wiring.queueUrl();
        Map<String, String> extra = new HashMap<>(wiring.config());
        extra.putAll(TestStack.stripe(stripe));
        extra.put("homebiyori.stripe.price.monthly", MONTHLY_PRICE);
        extra.put("homebiyori.stripe.price.yearly", YEARLY_PRICE);
        config = new HashMap<>(TestStack.freshConfig());
        config.putAll(extra);
        ConfigProviderResolver resolver = ConfigProviderResolver.instance();
        Config mpConfig = resolver.getBuilder().withSources(TestStack.configSourceOf(config)).addDefaultSources().build();
        resolver.registerConfig(mpConfig, Thread.currentThread().getContextClassLoader());
        server = Server.builder().config(mpConfig).build().start();
    }

    @AfterContainer
    static void stop() throws java.io.IOException {
        CLOCK.followSystem();
        count("stripe subscription reads (same-second conflicts)", stripe.server().findAll(
                com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/v1/subscriptions/.*"))).size());
        StringBuilder text = new StringBuilder("subscription lives summary\n");
        SUMMARY.forEach((k, v) -> text.append("  ").append(k).append(": ").append(v).append('\n'));
        System.out.print(text);
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "subscription-lives-summary.txt"), text);
        if (server != null) {
            server.stop();
        }
        if (stripe != null) {
            stripe.close();
        }
    }

    private static <T> T bean(Class<T> type) {
        return CDI.current().select(type).get();
    }

    // ---- lives -----------------------------------------------------------------------------------

    enum Kind {
        SUBSCRIBE_MONTHLY, SUBSCRIBE_YEARLY, SUBSCRIBE_TRIAL, SUBSCRIBE_INCOMPLETE_FIRST, SWITCH_PLAN, CANCEL_AT_PERIOD_END,
        REACTIVATE, CANCEL_THEN_REACTIVATE_SAME_SECOND, CANCEL_NOW, NEXT_RENEWAL_FAILS_RECOVERS, NEXT_RENEWAL_FAILS_UNPAID,
        NEXT_RENEWAL_FAILS_CANCELED, PAY_UNPAID, CHAT
    }

    /** One thing that happens, {@code gapHours} after the previous one; {@code viaApp}: through the app's own billing flow. */
    record Step(Kind kind, int gapHours, boolean viaApp) {
        @Override
        public String toString() {
            return "+" + gapHours + "h " + kind + (viaApp ? "(app)" : "");
        }
    }

    enum Delivery { PROMPT_IN_ORDER, LATE_AND_DUPLICATED, OUTAGE_THEN_ANY_ORDER }

    record Life(long start, List<Step> steps, Delivery delivery, long deliverySeed) {
        @Override
        public String toString() {
            return "Life[start=" + Instant.ofEpochSecond(start) + ", delivery=" + delivery + ", deliverySeed=" + deliverySeed
                    + ", steps=" + steps + "]";
        }
    }

    @Provide
    Arbitrary<Life> lives() {
        Arbitrary<Long> start = Arbitraries.longs().between(0, 365L * DAY)
                .map(offset -> Instant.parse("2027-01-01T00:00:00Z").getEpochSecond() + offset);
        Arbitrary<Kind> kinds = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just(Kind.SUBSCRIBE_MONTHLY)),
                net.jqwik.api.Tuple.of(3, Arbitraries.just(Kind.SUBSCRIBE_YEARLY)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.SUBSCRIBE_TRIAL)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.SUBSCRIBE_INCOMPLETE_FIRST)),
                net.jqwik.api.Tuple.of(3, Arbitraries.just(Kind.SWITCH_PLAN)),
                net.jqwik.api.Tuple.of(4, Arbitraries.just(Kind.CANCEL_AT_PERIOD_END)),
                net.jqwik.api.Tuple.of(3, Arbitraries.just(Kind.REACTIVATE)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.CANCEL_THEN_REACTIVATE_SAME_SECOND)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.CANCEL_NOW)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.NEXT_RENEWAL_FAILS_RECOVERS)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.NEXT_RENEWAL_FAILS_UNPAID)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.NEXT_RENEWAL_FAILS_CANCELED)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.PAY_UNPAID)),
                net.jqwik.api.Tuple.of(3, Arbitraries.just(Kind.CHAT)));
        Arbitrary<Integer> gaps = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(1, 72)),
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(72, 2000)));
        Arbitrary<Step> steps = Combinators.combine(kinds, gaps, Arbitraries.of(true, false)).as(Step::new);
        // most lives begin with a checkout within their first days, so that two years of months follow
        Arbitrary<Step> first = Combinators.combine(
                Arbitraries.of(Kind.SUBSCRIBE_MONTHLY, Kind.SUBSCRIBE_MONTHLY, Kind.SUBSCRIBE_YEARLY, Kind.SUBSCRIBE_TRIAL,
                        Kind.SUBSCRIBE_INCOMPLETE_FIRST, Kind.CHAT),
                Arbitraries.integers().between(0, 96), Arbitraries.of(true, false)).as(Step::new);
        Arbitrary<List<Step>> all = Combinators.combine(first, steps.list().ofMinSize(3).ofMaxSize(15)).as((head, tail) -> {
            List<Step> list = new ArrayList<>();
            list.add(head);
            list.addAll(tail);
            return list;
        });
        return Combinators.combine(start, all, Arbitraries.of(Delivery.class), Arbitraries.longs()).as(Life::new);
    }

    @Property(shrinking = ShrinkingMode.OFF)
    void aLifeOfSubscriptionEvents_endsInStripesState_andCountsEveryTransitionExactlyOnce(@ForAll("lives") Life life) {
        Simulation simulation = new Simulation(life);
        try {
            simulation.run();
            simulation.check();
            simulation.summarize();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("failing life: " + life + "\nevents (created, type, id):\n  "
                    + String.join("\n  ", simulation.model.events().stream().map(Object::toString).toList())
                    + "\ndeliveries (at, id, outcome):\n  " + String.join("\n  ", simulation.log), e);
        }
    }

    /** One life: the model, its deliveries and the backend's services, on the shared simulated clock. */
    private static final class Simulation {

        private record Scheduled(long at, long order, StripeLifecycle.Event event) {
        }

        private final Life life;
        private final String user = "life-" + UUID.randomUUID();
        private final StripeLifecycle model;
        private final Random random;
        private final PriorityQueue<Scheduled> pending = new PriorityQueue<>((a, b) -> a.at() != b.at()
                ? Long.compare(a.at(), b.at()) : Long.compare(a.order(), b.order()));
        private final List<String> log = new ArrayList<>();
        private final long end;
        private final long outageFrom;
        private final long outageTo;
        private int scheduled;
        private long order;

        private final StripeWebhookService webhooks = bean(StripeWebhookService.class);
        private final BillingService billing = bean(BillingService.class);
        private final ChatService chats = bean(ChatService.class);
        private final TtlBatchProcessor ttl = bean(TtlBatchProcessor.class);
        private final SqsClient sqs = bean(SqsClient.class);

        Simulation(Life life) {
            this.life = life;
            this.model = new StripeLifecycle(user, "cus_" + user.substring(5, 17), MONTHLY_PRICE, YEARLY_PRICE, life.start());
            this.random = new Random(life.deliverySeed());
            this.end = Instant.ofEpochSecond(life.start()).atOffset(ZoneOffset.UTC).plusMonths(25).toEpochSecond();
            this.outageFrom = life.start() + (long) (random.nextDouble() * (end - life.start()));
            this.outageTo = outageFrom + 2 * DAY + random.nextInt((int) (2 * DAY));
        }

        void run() {
            CLOCK.set(Instant.ofEpochSecond(life.start()));
            UserRepository users = bean(UserRepository.class);
            users.createIfAbsent(UserProfile.initial(user, bean(JstClock.class).now()));
            users.markOnboardingCompleted(user, bean(JstClock.class).now());
            long t = life.start();
            for (Step step : life.steps()) {
                t = Math.min(t + step.gapHours() * HOUR, end);
                model.advanceTo(t);
                scheduleNew();
                deliverUntil(t);
                CLOCK.set(Instant.ofEpochSecond(Math.max(t, CLOCK.instant().getEpochSecond())));
                apply(step, CLOCK.instant().getEpochSecond());
                scheduleNew();
            }
            model.advanceTo(end);
            scheduleNew();
            deliverUntil(Long.MAX_VALUE);
            CLOCK.set(Instant.ofEpochSecond(Math.max(end, CLOCK.instant().getEpochSecond())));
            drainTtlQueue();
        }

        private void apply(Step step, long at) {
            boolean live = model.hasLiveSubscription();
            String status = model.current().map(StripeLifecycle.State::status).orElse("none");
            switch (step.kind()) {
                case SUBSCRIBE_MONTHLY, SUBSCRIBE_YEARLY, SUBSCRIBE_TRIAL, SUBSCRIBE_INCOMPLETE_FIRST -> {
                    if (!live) {
                        String plan = step.kind() == Kind.SUBSCRIBE_YEARLY ? "yearly" : "monthly";
                        model.subscribe(at, plan, step.kind() == Kind.SUBSCRIBE_TRIAL ? 14 : 0,
                                step.kind() == Kind.SUBSCRIBE_INCOMPLETE_FIRST);
                    }
                }
                case SWITCH_PLAN -> {
                    if (live && status.equals("active")) {
                        model.switchPlan(at, model.current().orElseThrow().plan().equals("monthly") ? "yearly" : "monthly");
                    }
                }
                case CANCEL_AT_PERIOD_END -> cancelOrReactivate(live, true, step.viaApp(), at);
                case REACTIVATE -> cancelOrReactivate(live, false, step.viaApp(), at);
                case CANCEL_THEN_REACTIVATE_SAME_SECOND -> {
                    if (live && !model.current().orElseThrow().cancelAtPeriodEnd()) {
                        model.scheduleCancel(at);
                        model.reactivate(at);
                    }
                }
                case CANCEL_NOW -> {
                    if (live) {
                        model.cancelNow(at);
                    }
                }
                case NEXT_RENEWAL_FAILS_RECOVERS -> model.failNextRenewal(StripeLifecycle.Dunning.RECOVERS);
                case NEXT_RENEWAL_FAILS_UNPAID -> model.failNextRenewal(StripeLifecycle.Dunning.UNPAID);
                case NEXT_RENEWAL_FAILS_CANCELED -> model.failNextRenewal(StripeLifecycle.Dunning.CANCELED);
                case PAY_UNPAID -> {
                    if (live && status.equals("unpaid")) {
                        model.payUnpaid(at);
                    }
                }
                case CHAT -> chats.send(user, "今日は子どもと公園に行けて本当に嬉しかった！ずっと疲れていたけど、ちゃんと頑張れた気がします。",
                        AiCharacter.TAMA, Mood.PRAISE, PraiseLevel.NORMAL, ChatType.INDIVIDUAL);
            }
        }

        /** Through the app (billing-service calls Stripe, then Stripe's event follows) or at Stripe directly. */
        private void cancelOrReactivate(boolean live, boolean cancel, boolean viaApp, long at) {
            if (!live || model.current().orElseThrow().cancelAtPeriodEnd() == cancel) {
                return;
            }
            if (viaApp) {
                try {
                    if (cancel) {
                        billing.cancel(user, CancellationFeedback.ReasonCategory.PRICE, null, 3, null);
                    } else {
                        billing.reactivate(user);
                    }
                } catch (ApiException refused) {
                    // what the user sees while the backend has not heard of the subscription yet: nothing happens at Stripe
                    log.add(at + " app " + (cancel ? "cancel" : "reactivate") + " refused: " + refused.code());
                    return;
                }
            }
            if (cancel) {
                model.scheduleCancel(at);
            } else {
                model.reactivate(at);
            }
        }

        /** Gives every new event its delivery time(s): promptly, late and sometimes twice, or held by an outage. */
        private void scheduleNew() {
            List<StripeLifecycle.Event> events = model.events();
            for (; scheduled < events.size(); scheduled++) {
                StripeLifecycle.Event event = events.get(scheduled);
                switch (life.delivery()) {
                    // two seconds after its creation, so deliveries keep creation order (ties: emission order)
                    case PROMPT_IN_ORDER -> schedule(event.created() + 2, event);
                    case LATE_AND_DUPLICATED -> {
                        schedule(event.created() + lateness(), event);
                        if (random.nextInt(4) == 0) {
                            schedule(event.created() + lateness(), event);
                        }
                    }
                    case OUTAGE_THEN_ANY_ORDER -> {
                        long at = event.created() + 1 + random.nextInt(5);
                        if (at >= outageFrom && at < outageTo) {
                            at = outageTo + random.nextInt((int) (6 * HOUR));
                        }
                        schedule(at, event);
                        if (random.nextInt(10) == 0) {
                            schedule(at + random.nextInt((int) HOUR), event);
                        }
                    }
                }
            }
        }

        private long lateness() {
            int kind = random.nextInt(20);
            return kind < 12 ? 1 + random.nextInt(5) : kind < 17 ? 60 + random.nextInt((int) HOUR) : HOUR + random.nextInt((int) (3 * DAY));
        }

        private void schedule(long at, StripeLifecycle.Event event) {
            pending.add(new Scheduled(at, order++, event));
        }

        private void deliverUntil(long until) {
            while (!pending.isEmpty() && pending.peek().at() <= until) {
                Scheduled next = pending.poll();
                long at = Math.max(next.at(), CLOCK.instant().getEpochSecond());
                CLOCK.set(Instant.ofEpochSecond(at));
                // Stripe's API answers what the subscription is at this moment
                for (String id : model.subscriptionIds()) {
                    model.stateAt(at, id).ifPresent(this::answerRetrieve);
                }
                String payload = next.event().json();
                String outcome = webhooks.handle(payload, StripeEvents.signature(payload, StripeEvents.TEST_WEBHOOK_SECRET, at)).outcome();
                log.add(at + " " + next.event().id() + " " + next.event().type() + " -> " + outcome);
                if (random.nextInt(3) == 0) {
                    drainTtlQueue();
                }
            }
        }

        private final java.util.Set<String> stubbed = new java.util.HashSet<>();

        private void answerRetrieve(StripeLifecycle.State state) {
            var mapping = get(urlPathEqualTo("/v1/subscriptions/" + state.subscriptionId()))
                    .withId(UUID.nameUUIDFromBytes(state.subscriptionId().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .willReturn(okJson(model.subscriptionJson(state)));
            if (stubbed.add(state.subscriptionId())) {
                stripe.server().stubFor(mapping);
            } else {
                stripe.server().editStub(mapping);
            }
        }

        private void drainTtlQueue() {
            while (true) {
                List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
                if (messages.isEmpty()) {
                    return;
                }
                List<String> failed = ttl.process(messages.stream().map(m -> new TtlBatchProcessor.Received(m.messageId(), m.body())).toList());
                assertThat(failed).as("TTL messages that failed").isEmpty();
                messages.forEach(m -> sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
            }
        }

        void summarize() {
            count("lives", 1);
            count("lives delivered " + life.delivery(), 1);
            count("simulated days", (end - life.start()) / DAY);
            count("events", model.events().size());
            model.events().forEach(e -> count("events " + e.type(), 1));
            log.forEach(line -> {
                int arrow = line.lastIndexOf("-> ");
                count(arrow < 0 ? "app refusals" : "outcome " + line.substring(arrow + 3), 1);
            });
            count("renewals", model.renewals());
            count("subscriptions ended", model.states().stream().filter(st -> !st.live()).count());
        }

        // ---- the invariants ----------------------------------------------------------------------

        void check() {
            Instant now = CLOCK.instant();
            Subscription stored = bean(SubscriptionRepository.class).findOrFree(user);
            var truth = model.current();
            if (truth.isEmpty()) {
                assertThat(stored.status()).isEqualTo(Subscription.NONE);
            } else {
                StripeLifecycle.State s = truth.get();
                assertThat(stored.subscriptionId()).as("subscription").isEqualTo(s.subscriptionId());
                assertThat(stored.plan().id()).as("plan").isEqualTo(s.plan());
                String expectedStatus = s.status().equals("active") && s.cancelAtPeriodEnd() ? Subscription.CANCEL_SCHEDULED : s.status();
                assertThat(stored.status()).as("status").isEqualTo(expectedStatus);
                assertThat(stored.cancelAtPeriodEnd()).as("cancel_at_period_end").isEqualTo(s.cancelAtPeriodEnd());
                assertThat(stored.currentPeriodEnd().toEpochSecond()).as("period end").isEqualTo(s.periodEnd());
                assertThat(stored.planInForce().id()).as("plan in force").isEqualTo(s.planInForce());
            }
            checkCountersAgainstARecount();
            checkPlanChangedNotifications();
            checkRetention(stored.effectivePlan(now), now);
        }

        private void checkCountersAgainstARecount() {
            TableNames tables = bean(TableNames.class);
            long monthly = 0;
            long yearly = 0;
            long scheduledCancellations = 0;
            for (Map<String, AttributeValue> item : TestStack.dynamo().scanPaginator(b -> b.tableName(tables.of(Table.SUBSCRIPTIONS))).items()) {
                if (!item.get("SK").s().equals("SUBSCRIPTION")) {
                    continue;
                }
                String status = item.get("status").s();
                Plan plan = Plan.fromId(item.get("current_plan").s()).orElseThrow();
                boolean entitled = Subscription.ENTITLED.contains(status);
                monthly += entitled && plan == Plan.MONTHLY ? 1 : 0;
                yearly += entitled && plan == Plan.YEARLY ? 1 : 0;
                scheduledCancellations += status.equals(Subscription.CANCEL_SCHEDULED) ? 1 : 0;
            }
            StatsRepository.Snapshot dashboard = bean(StatsRepository.class).snapshot(bean(JstClock.class).today());
            assertThat(dashboard.premiumMonthly()).as("premium monthly: counter vs recount").isEqualTo(monthly);
            assertThat(dashboard.premiumYearly()).as("premium yearly: counter vs recount").isEqualTo(yearly);
            assertThat(dashboard.cancellationsScheduled()).as("cancellations scheduled: counter vs recount").isEqualTo(scheduledCancellations);
        }

        /**
         * One "plan changed" per change of the plan in force, none for a renewal. Delivered in order, the
         * backend goes through every state; late or reordered, a stale event is skipped, so it goes through
         * some of them, in time order — never more changes than Stripe made.
         */
        private void checkPlanChangedNotifications() {
            List<StripeLifecycle.State> states = model.states();
            int realChanges = changes(states);
            // delivered in order, the backend applies the first state of a second as it comes and settles the
            // rest of that second by asking Stripe, which answers the second's last state
            List<StripeLifecycle.State> seen = new ArrayList<>();
            for (int i = 0; i < states.size(); i++) {
                boolean firstOfSecond = i == 0 || states.get(i - 1).at() != states.get(i).at();
                boolean lastOfSecond = i == states.size() - 1 || states.get(i + 1).at() != states.get(i).at();
                if (firstOfSecond || lastOfSecond) {
                    seen.add(states.get(i));
                }
            }
            int changesSeenInOrder = changes(seen);
            List<Map<String, AttributeValue>> notifications = itemsOf(Table.NOTIFICATIONS, "NOTIFICATION#");
            long planChanged = notifications.stream().filter(n -> n.get("type").s().equals("plan_changed")).count();
            if (life.delivery() == Delivery.PROMPT_IN_ORDER) {
                assertThat(planChanged).as("plan changed notifications, delivered in order").isEqualTo(changesSeenInOrder);
            } else {
                // late or reordered, the backend may never see a premium state at all (an immediate cancel in
                // the second of the checkout, or the end delivered before the start): it starts free and ends in
                // Stripe's final state, so it tells of a change at least once only when those two differ
                boolean endsPremium = !states.isEmpty() && !states.get(states.size() - 1).planInForce().equals("free");
                assertThat(planChanged).as("plan changed notifications, delivered out of order").isBetween(
                        endsPremium ? 1L : 0L, (long) realChanges);
            }
            for (Map<String, AttributeValue> n : notifications) {
                OffsetDateTime created = OffsetDateTime.parse(n.get("created_at").s());
                assertThat(OffsetDateTime.parse(n.get("expires_at").s())).as("a notification lives 90 days")
                        .isEqualTo(created.plusDays(90));
            }
        }

        /** Changes of the plan in force along {@code states}, from free. */
        private static int changes(List<StripeLifecycle.State> states) {
            int changes = 0;
            String inForce = "free";
            for (StripeLifecycle.State s : states) {
                if (!s.planInForce().equals(inForce)) {
                    changes++;
                    inForce = s.planInForce();
                }
            }
            return changes;
        }

        /** Every chat expires at its creation + the retention of the plan in force now. */
        private void checkRetention(Plan inForce, Instant now) {
            for (Map<String, AttributeValue> chat : itemsOf(Table.CHATS, "CHAT#")) {
                Instant created = OffsetDateTime.parse(chat.get("created_at").s()).toInstant();
                assertThat(Long.parseLong(chat.get(Table.TTL).n())).as("chat TTL under " + inForce.id())
                        .isEqualTo(created.plus(Duration.ofDays(inForce.chatRetentionDays())).getEpochSecond());
            }
        }

        private List<Map<String, AttributeValue>> itemsOf(Table table, String sortKeyPrefix) {
            String name = bean(TableNames.class).of(table);
            return TestStack.dynamo().queryPaginator(b -> b.tableName(name).keyConditionExpression("PK = :pk AND begins_with(SK, :sk)")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("USER#" + user), ":sk", AttributeValue.fromS(sortKeyPrefix))))
                    .items().stream().toList();
        }
    }
}
