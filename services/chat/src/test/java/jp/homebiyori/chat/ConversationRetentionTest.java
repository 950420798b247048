package jp.homebiyori.chat;

import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.AddExtension;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jp.homebiyori.common.db.Table;
import jp.homebiyori.common.db.TableNames;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.domain.chat.ChatContextReader;
import jp.homebiyori.domain.chat.ChatMessage.ChatType;
import jp.homebiyori.domain.chat.ConversationContext;
import jp.homebiyori.domain.subscription.Plan;
import jp.homebiyori.domain.subscription.Subscription;
import jp.homebiyori.domain.subscription.SubscriptionRepository;
import jp.homebiyori.testkit.TestStack;
import jp.homebiyori.testkit.time.SimulatedClock;
import jp.homebiyori.testkit.time.SimulatedClockExtension;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conversation context through a real chat send, on the simulated clock (the backend's one clock,
 * moved by the test): the context never keeps a turn past its chat's retention, whatever the user does.
 */
@HelidonTest
@AddExtension(SimulatedClockExtension.class)
class ConversationRetentionTest {

    @AddConfigSource
    static ConfigSource config() {
        return TestStack.configSource();
    }

    private static final SimulatedClock CLOCK = SimulatedClock.SHARED;

    @Inject private ChatService service;
    @Inject private ChatContextReader contexts;
    @Inject private SubscriptionRepository subscriptions;
    @Inject private TableNames tables;

    @BeforeEach
    void standStill() {
        CLOCK.set(Instant.parse("2026-11-26T03:00:00Z"));
    }

    @AfterEach
    void letGo() {
        CLOCK.followSystem();
    }

    private void send(String user, String message) {
        service.send(user, message, null, null, null, ChatType.INDIVIDUAL);
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
        Instant first = CLOCK.instant();
        send(user, "きょうは公園に行きました");
        CLOCK.advance(Duration.ofDays(10));
        send(user, "きょうは雨でおうち遊び");
        assertThat(storedContext(user).get("turns").l()).hasSize(2);
        assertThat(storedContext(user).get("TTL").n()).isEqualTo(Long.toString(epoch(first.plus(Duration.ofDays(30)))));

        CLOCK.advance(Duration.ofDays(21));
        Instant third = CLOCK.instant();
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
        Instant start = CLOCK.instant();
        subscriptions.saveIfNotOlder(new Subscription(user, "cus_x", "sub_x", Plan.YEARLY, "active",
                JstClock.toJst(start), JstClock.toJst(start.plus(Duration.ofDays(365))), false, 1, JstClock.toJst(start)));
        send(user, "はじめて書きます");
        CLOCK.advance(Duration.ofDays(40));
        send(user, "40日ぶりです");
        Map<String, AttributeValue> item = storedContext(user);
        assertThat(item.get("turns").l()).hasSize(2);
        assertThat(item.get("TTL").n()).isEqualTo(Long.toString(epoch(start.plus(Duration.ofDays(180)))));

        ConversationContext read = contexts.read(user).conversation();
        assertThat(read.live(CLOCK.instant(), Plan.YEARLY)).hasSize(2);
        assertThat(read.live(CLOCK.instant(), Plan.FREE)).as("on free, only the last 30 days").hasSize(1);
    }

    @Test
    void anEmotionStamp_leavesTheContextAsItWas() {
        String user = "ctxs-" + UUID.randomUUID();
        send(user, "きょうもがんばりました");
        Map<String, AttributeValue> before = storedContext(user);
        CLOCK.advance(Duration.ofMinutes(5));
        service.sendStamp(user, jp.homebiyori.domain.character.EmotionStamp.values()[0], null);
        assertThat(storedContext(user)).isEqualTo(before);
    }
}
