package jp.homebiyori.ttlupdater;

import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jp.homebiyori.common.config.ParameterStore;
import jp.homebiyori.common.internal.InternalNotifier;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.domain.character.AiCharacter;
import jp.homebiyori.domain.character.Mood;
import jp.homebiyori.domain.character.PraiseLevel;
import jp.homebiyori.domain.chat.ChatMessage;
import jp.homebiyori.domain.chat.ChatRepository;
import jp.homebiyori.domain.chat.ConversationContext;
import jp.homebiyori.domain.notification.NotificationRepository;
import jp.homebiyori.domain.notification.NotificationType;
import jp.homebiyori.domain.subscription.Plan;
import jp.homebiyori.domain.subscription.Subscription;
import jp.homebiyori.domain.subscription.SubscriptionRepository;
import jp.homebiyori.testkit.TestStack;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ttl-updater against dynalite, embedded ElasticMQ (real queue with a redrive policy) and the internal
 * API served by notification-service in the same test server.
 */
@HelidonTest
class TtlUpdaterTest {

    private static final TestStack.Wiring WIRING = TestStack.internalApiAndQueue("ttl-test");
    private static final String QUEUE = WIRING.queueName();
    private static final String queueUrl = WIRING.queueUrl();

    @AddConfigSource
    static ConfigSource config() {
        return TestStack.configSource(WIRING.config());
    }

    @Inject
    private TtlQueueWorker worker;
    @Inject
    private TtlUpdater updater;
    @Inject
    private ChatRepository chats;
    @Inject
    private SubscriptionRepository subscriptions;
    @Inject
    private NotificationRepository notifications;
    @Inject
    private ParameterStore parameters;
    @Inject
    private JstClock clock;
    @Inject
    private SqsClient sqs;
    @Inject
    private InternalNotifier notifier;

    /** The processing time of the context tests (a fixed clock: turns are placed relative to it). */
    private static final Instant AT = Instant.parse("2026-11-26T03:00:00Z");

    private void seedContext(String user, Plan plan, Duration... ages) {
        OffsetDateTime now = JstClock.toJst(AT);
        ConversationContext context = ConversationContext.empty(user);
        for (int i = 0; i < ages.length; i++) { // oldest first, as a user writes
            OffsetDateTime at = now.minus(ages[i]);
            context = context.with(new ConversationContext.Turn("words " + i, "reply " + i, at), at.toInstant(), plan);
            chats.save(new ChatMessage(user, UUID.randomUUID().toString(), ChatMessage.ChatType.INDIVIDUAL, "words " + i, List.of(),
                    AiCharacter.TAMA, Mood.PRAISE, PraiseLevel.NORMAL, null, false, 1, 1, plan, at, ChatMessage.ttlFor(at, plan)), context);
        }
    }

    private TtlUpdater at(Instant now) {
        return new TtlUpdater(chats, subscriptions, notifier, new JstClock(Clock.fixed(now, ZoneOffset.UTC)));
    }

    private void seedChats(String user, int count, Plan plan) {
        OffsetDateTime start = clock.now().minusDays(5);
        for (int i = 0; i < count; i++) {
            OffsetDateTime at = start.plusMinutes(i);
            chats.save(new ChatMessage(user, UUID.randomUUID().toString(), ChatMessage.ChatType.INDIVIDUAL, "m", List.of(),
                    AiCharacter.TAMA, Mood.PRAISE, PraiseLevel.NORMAL, null, false, 1, 1, plan, at, ChatMessage.ttlFor(at, plan)));
        }
    }

    private void assertRetention(String user, int days) {
        List<ChatMessage> all = chats.history(user, 100, null, null, null, null, Instant.now()).items();
        assertThat(all).isNotEmpty().allSatisfy(m -> assertThat(m.ttlEpochSeconds())
                .isEqualTo(m.createdAt().toInstant().plusSeconds(days * 86400L).getEpochSecond()));
    }

    private void send(String user, String oldPlan, String newPlan) {
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(new TtlUpdateMessage(user, oldPlan, newPlan,
                clock.now().toString(), "webhook-service", UUID.randomUUID().toString()).toJson()));
    }

    private void drain() {
        for (int i = 0; i < 5 && worker.pollOnce(sqs, 1) > 0; i++) {
            // keep polling until the queue is empty
        }
    }

    @Test
    void upgrade_givesEveryChat180Days_andTheUserIsNotified() {
        String user = "up-" + UUID.randomUUID();
        seedChats(user, 130, Plan.FREE);
        OffsetDateTime now = clock.now();
        subscriptions.saveIfNotOlder(new Subscription(user, "cus", "sub", Plan.YEARLY, "active", now, now.plusYears(1), false, 1, now));
        send(user, "free", "yearly");
        drain();
        assertRetention(user, 180);
        assertThat(notifications.list(user, 10, null, false, Instant.now()).items())
                .singleElement().satisfies(n -> assertThat(n.type()).isEqualTo(NotificationType.PLAN_CHANGE_COMPLETED));
    }

    @Test
    void downgrade_givesEveryChat30Days_evenIfTheMessageSaysOtherwise() {
        String user = "down-" + UUID.randomUUID();
        seedChats(user, 20, Plan.MONTHLY);
        OffsetDateTime now = clock.now();
        subscriptions.saveIfNotOlder(new Subscription(user, "cus", "sub", Plan.MONTHLY, "canceled", now, now.plusDays(3), false, 9, now));
        send(user, "free", "monthly");
        drain();
        assertRetention(user, 30);
    }

    @Test
    void upgrade_givesTheConversationContext180Days_fromItsOldestTurn() {
        String user = "ctxup-" + UUID.randomUUID();
        seedContext(user, Plan.FREE, Duration.ofDays(20), Duration.ofDays(5));
        OffsetDateTime oldest = JstClock.toJst(AT).minusDays(20);
        assertThat(chats.context(user).ttlEpochSeconds()).isEqualTo(ChatMessage.ttlFor(oldest, Plan.FREE));
        OffsetDateTime now = JstClock.toJst(AT);
        subscriptions.saveIfNotOlder(new Subscription(user, "cus", "sub", Plan.YEARLY, "active", now, now.plusYears(1), false, 1, now));
        at(AT).process(new TtlUpdateMessage(user, "free", "yearly", now.toString(), "webhook-service", UUID.randomUUID().toString()));
        ConversationContext after = chats.context(user);
        assertThat(after.turns()).hasSize(2);
        assertThat(after.ttlEpochSeconds()).isEqualTo(oldest.plusDays(180).toInstant().getEpochSecond());
    }

    @Test
    void downgrade_dropsTurnsFreeNoLongerKeeps_andTheContextExpiresWithTheOldestLeft() {
        String user = "ctxdown-" + UUID.randomUUID();
        seedContext(user, Plan.MONTHLY, Duration.ofDays(40), Duration.ofDays(10));
        OffsetDateTime now = JstClock.toJst(AT);
        subscriptions.saveIfNotOlder(new Subscription(user, "cus", "sub", Plan.MONTHLY, "canceled", now.minusDays(30), now.minusDays(1), false, 9, now));
        at(AT).process(new TtlUpdateMessage(user, "monthly", "free", now.toString(), "webhook-service", UUID.randomUUID().toString()));
        ConversationContext after = chats.context(user);
        assertThat(after.turns()).extracting(ConversationContext.Turn::userMessage).containsExactly("words 1");
        assertThat(after.ttlEpochSeconds()).isEqualTo(now.minusDays(10).plusDays(30).toInstant().getEpochSecond());
    }

    @Test
    void poisonMessage_landsInTheDeadLetterQueue_afterThreeReceives_withoutBlockingOthers() throws Exception {
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("{not json"));
        String user = "ok-" + UUID.randomUUID();
        seedChats(user, 3, Plan.FREE);
        send(user, "monthly", "free");
        for (int i = 0; i < 8; i++) {
            worker.pollOnce(sqs, 1);
            Thread.sleep(1100);
        }
        assertRetention(user, 30);
        String dlq = sqs.getQueueUrl(b -> b.queueName(QUEUE + "-dlq")).queueUrl();
        assertThat(sqs.receiveMessage(b -> b.queueUrl(dlq).waitTimeSeconds(1)).messages())
                .singleElement().satisfies(m -> assertThat(m.body()).isEqualTo("{not json"));
    }

    @Test
    void failedNotification_isNotFatal() {
        String user = "nf-" + UUID.randomUUID();
        seedChats(user, 2, Plan.FREE);
        TtlUpdater offline = new TtlUpdater(chats, subscriptions, new InternalNotifier(parameters, "http://127.0.0.1:1", null, "ap-northeast-1", java.time.Clock.systemUTC()), clock);
        assertThat(offline.process(new TtlUpdateMessage(user, "monthly", "free", "t", "webhook-service", "r"))).isEqualTo(2);
        assertRetention(user, 30);
    }
}
