package jp.homebiyori.chat;

import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jp.homebiyori.ai.AiReplies;
import jp.homebiyori.common.db.Table;
import jp.homebiyori.common.db.TableNames;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.domain.chat.ChatContextReader;
import jp.homebiyori.domain.chat.ChatMessage.ChatType;
import jp.homebiyori.domain.chat.ChatRepository;
import jp.homebiyori.domain.chat.ConversationContext;
import jp.homebiyori.domain.stats.StatsRepository;
import jp.homebiyori.domain.subscription.Plan;
import jp.homebiyori.domain.subscription.Subscription;
import jp.homebiyori.domain.subscription.SubscriptionRepository;
import jp.homebiyori.domain.tree.GrowthStagesSource;
import jp.homebiyori.domain.tree.TreeRepository;
import jp.homebiyori.testkit.TestStack;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conversation context through a real chat send, with time moved by a clock the test holds: the
 * context never keeps a turn past its chat's retention, whatever the user does.
 */
@HelidonTest
class ConversationRetentionTest {

    @AddConfigSource
    static ConfigSource config() {
        return TestStack.configSource();
    }

    @Inject private ChatContextReader contexts;
    @Inject private ChatRepository chats;
    @Inject private TreeRepository trees;
    @Inject private FruitGrower fruits;
    @Inject private StatsRepository stats;
    @Inject private GrowthStagesSource stages;
    @Inject private AiReplies ai;
    @Inject private SubscriptionRepository subscriptions;
    @Inject private TableNames tables;

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-26T03:00:00Z"));

    private ChatService service() {
        return new ChatService(contexts, chats, trees, fruits, stats, stages, ai, new JstClock(clock));
    }

    private void send(String user, String message) {
        service().send(user, message, null, null, null, ChatType.INDIVIDUAL);
    }

    private Map<String, AttributeValue> storedContext(String user) {
        return TestStack.dynamo().getItem(b -> b.tableName(tables.of(Table.CHATS)).consistentRead(true)
                .key(Map.of("PK", AttributeValue.fromS("USER#" + user), "SK", AttributeValue.fromS("CONTEXT")))).item();
    }

    private static long epoch(Instant at) {
        return at.getEpochSecond();
    }

    @Test
    void freePlan_aTurn31DaysOld_isNotInTheItemAfterTheNextSend_andTheTtlIsTheOldestTurnPlus30Days() {
        String user = "ctx-" + UUID.randomUUID();
        Instant first = clock.instant();
        send(user, "きょうは公園に行きました");
        clock.advance(Duration.ofDays(10));
        send(user, "きょうは雨でおうち遊び");
        assertThat(storedContext(user).get("turns").l()).hasSize(2);
        assertThat(storedContext(user).get("TTL").n()).isEqualTo(Long.toString(epoch(first.plus(Duration.ofDays(30)))));

        clock.advance(Duration.ofDays(21));
        Instant third = clock.instant();
        send(user, "ひさしぶりに書きます");
        Map<String, AttributeValue> item = storedContext(user);
        assertThat(item.get("turns").l()).extracting(t -> t.m().get("user_message").s())
                .as("the 31-day-old turn is gone (and the item, expired with it, took the 21-day-old one along)")
                .containsExactly("ひさしぶりに書きます");
        assertThat(item.get("TTL").n()).isEqualTo(Long.toString(epoch(third.plus(Duration.ofDays(30)))));
    }

    @Test
    void premium_keepsTurnsFor180Days_andTheModelSeesOnlyTurnsWhoseChatsAreKept() {
        String user = "ctxp-" + UUID.randomUUID();
        Instant start = clock.instant();
        subscriptions.saveIfNotOlder(new Subscription(user, "cus_x", "sub_x", Plan.YEARLY, "active",
                JstClock.toJst(start), JstClock.toJst(start.plus(Duration.ofDays(365))), false, 1, JstClock.toJst(start)));
        send(user, "はじめて書きます");
        clock.advance(Duration.ofDays(40));
        send(user, "40日ぶりです");
        Map<String, AttributeValue> item = storedContext(user);
        assertThat(item.get("turns").l()).hasSize(2);
        assertThat(item.get("TTL").n()).isEqualTo(Long.toString(epoch(start.plus(Duration.ofDays(180)))));

        ConversationContext read = contexts.read(user).conversation();
        assertThat(read.live(clock.instant(), Plan.YEARLY)).hasSize(2);
        assertThat(read.live(clock.instant(), Plan.FREE)).as("on free, only the last 30 days").hasSize(1);
    }

    @Test
    void anEmotionStamp_leavesTheContextAsItWas() {
        String user = "ctxs-" + UUID.randomUUID();
        send(user, "きょうもがんばりました");
        Map<String, AttributeValue> before = storedContext(user);
        clock.advance(Duration.ofMinutes(5));
        service().sendStamp(user, jp.homebiyori.domain.character.EmotionStamp.values()[0], null);
        assertThat(storedContext(user)).isEqualTo(before);
    }
}
