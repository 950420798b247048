package jp.homebiyori.domain;

import jp.homebiyori.common.db.Page;
import jp.homebiyori.domain.character.AiCharacter;
import jp.homebiyori.domain.character.Mood;
import jp.homebiyori.domain.character.PraiseLevel;
import jp.homebiyori.domain.chat.ChatMessage;
import jp.homebiyori.domain.chat.ChatRepository.ChatKey;
import jp.homebiyori.domain.chat.dynamo.DynamoChatRepository;
import jp.homebiyori.domain.subscription.Plan;
import jp.homebiyori.domain.subscription.Subscription;
import jp.homebiyori.domain.subscription.SubscriptionRepository;
import jp.homebiyori.domain.subscription.dynamo.DynamoSubscriptionRepository;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ChatAndSubscriptionRepositoryTest {

    private static final DomainTables TABLES = new DomainTables();
    private final DynamoChatRepository chats = new DynamoChatRepository(TABLES.dynamo, TABLES.names, TABLES.tokens);
    private final DynamoSubscriptionRepository subscriptions = new DynamoSubscriptionRepository(TABLES.dynamo, TABLES.names);
    private final OffsetDateTime t0 = OffsetDateTime.parse("2026-11-20T09:00:00.000+09:00");

    private ChatMessage chat(String user, int minute, AiCharacter c, long ttl) {
        return new ChatMessage(user, UUID.randomUUID().toString(), ChatMessage.ChatType.INDIVIDUAL, "m" + minute,
                List.of(new ChatMessage.CharacterReply(c, "r" + minute)), c, Mood.PRAISE, PraiseLevel.NORMAL, null,
                false, 2, 1, Plan.FREE, t0.plusMinutes(minute), ttl);
    }

    @Test
    void history_isNewestFirst_paged_filtered_andHidesExpiredChats() {
        String user = "h-" + UUID.randomUUID();
        long future = Instant.parse("2030-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 25; i++) {
            chats.save(chat(user, i, i % 5 == 0 ? AiCharacter.MADOKA : AiCharacter.TAMA, future));
        }
        chats.save(chat(user, 30, AiCharacter.TAMA, Instant.parse("2026-11-01T00:00:00Z").getEpochSecond()));
        Instant now = Instant.parse("2026-11-26T00:00:00Z");

        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            Page<ChatMessage> page = chats.history(user, 10, token, null, null, null, now);
            page.items().forEach(m -> seen.add(m.userMessage()));
            token = page.nextToken();
        } while (token != null);
        assertThat(seen).hasSize(25).startsWith("m24", "m23").doesNotContain("m30");

        assertThat(chats.history(user, 20, null, AiCharacter.MADOKA, null, null, now).items())
                .extracting(ChatMessage::userMessage).containsExactly("m20", "m15", "m10", "m5", "m0");
        assertThat(chats.history(user, 20, null, null, t0.plusMinutes(3), t0.plusMinutes(6), now).items())
                .extracting(ChatMessage::userMessage).containsExactly("m5", "m4", "m3");
    }

    @Test
    void ttlRewrite_reachesEveryChatOfTheUser() {
        String user = "ttl-" + UUID.randomUUID();
        for (int i = 0; i < 130; i++) {
            chats.save(chat(user, i, AiCharacter.HIDE, 1000));
        }
        List<ChatKey> keys = new ArrayList<>();
        chats.forEachPage(user, keys::addAll);
        assertThat(keys).hasSize(130);
        keys.forEach(k -> chats.updateTtl(k, ChatMessage.ttlFor(k.createdAt(), Plan.YEARLY)));
        List<ChatMessage> all = chats.history(user, 100, null, null, null, null, Instant.parse("2026-12-01T00:00:00Z")).items();
        assertThat(all).hasSize(100).allSatisfy(m ->
                assertThat(m.ttlEpochSeconds()).isEqualTo(m.createdAt().toInstant().plusSeconds(180L * 86400).getEpochSecond()));
    }

    @Test
    void subscription_olderStateNeverOverwritesNewer_andIsFoundByCustomer() {
        String user = "s-" + UUID.randomUUID();
        Subscription active = new Subscription(user, "cus_" + user, "sub_1", Plan.MONTHLY, "active",
                t0, t0.plusMonths(1), false, 2000, t0);
        Subscription older = new Subscription(user, "cus_" + user, "sub_1", Plan.MONTHLY, "incomplete",
                t0, t0.plusMonths(1), false, 1000, t0);
        assertThat(subscriptions.saveIfNotOlder(active)).isTrue();
        assertThat(subscriptions.saveIfNotOlder(older)).isFalse();
        assertThat(subscriptions.find(user).orElseThrow().status()).isEqualTo("active");
        assertThat(subscriptions.findByCustomerId("cus_" + user).orElseThrow().userId()).isEqualTo(user);
        assertThat(subscriptions.findOrFree("nobody").plan()).isEqualTo(Plan.FREE);
    }

    @Test
    void premium_lastsUntilThePeriodEnd_inEntitledStatusesOnly() {
        Subscription s = new Subscription("u", "c", "s", Plan.YEARLY, Subscription.CANCEL_SCHEDULED,
                t0, t0.plusDays(10), true, 1, t0);
        assertThat(s.isPremiumAt(t0.plusDays(9).toInstant())).isTrue();
        assertThat(s.isPremiumAt(t0.plusDays(10).toInstant())).isFalse();
        Subscription canceled = new Subscription("u", "c", "s", Plan.YEARLY, "canceled", t0, t0.plusDays(10), false, 1, t0);
        assertThat(canceled.effectivePlan(t0.toInstant())).isEqualTo(Plan.FREE);
    }

    @Test
    void thePlanInForce_isTheStates_notTheClocks() {
        Subscription active = new Subscription("u", "c", "s", Plan.MONTHLY, "active", t0, t0.plusMonths(1), false, 1, t0);
        // Stripe renews at the period end and reports it just after: until then the stored state still says premium
        assertThat(active.isPremiumAt(t0.plusMonths(1).plusSeconds(5).toInstant())).isTrue();
        assertThat(active.planInForce()).isEqualTo(Plan.MONTHLY);
        Subscription pastDue = new Subscription("u", "c", "s", Plan.YEARLY, "past_due", t0, t0.plusYears(1), false, 1, t0);
        assertThat(pastDue.planInForce()).isEqualTo(Plan.YEARLY);
        for (String ended : List.of("canceled", "unpaid", "incomplete", "incomplete_expired", "paused")) {
            assertThat(new Subscription("u", "c", "s", Plan.MONTHLY, ended, t0, t0.plusMonths(1), false, 1, t0).planInForce())
                    .as(ended).isEqualTo(Plan.FREE);
        }
        // a scheduled cancellation is in force until its end, in the state; past the end its features stop
        Subscription scheduled = new Subscription("u", "c", "s", Plan.MONTHLY, Subscription.CANCEL_SCHEDULED, t0, t0.plusMonths(1), true, 1, t0);
        assertThat(scheduled.planInForce()).isEqualTo(Plan.MONTHLY);
        assertThat(scheduled.effectivePlan(t0.plusMonths(1).toInstant())).isEqualTo(Plan.FREE);
    }

    @Test
    void replaceIfNewer_tellsStaleFromASameSecondConflict_andTakesTheSameStateAsARetry() {
        String user = "rn-" + UUID.randomUUID();
        Subscription at10 = new Subscription(user, "cus", "sub", Plan.MONTHLY, "active", t0, t0.plusMonths(1), false, 10, t0);
        assertThat(subscriptions.replaceIfNewer(at10, "evt_1")).isInstanceOf(SubscriptionRepository.Write.Replaced.class);
        assertThat(subscriptions.replaceIfNewer(at10, "evt_1")).as("the same state again: a retry, telling who wrote it")
                .isInstanceOfSatisfying(SubscriptionRepository.Write.Replaced.class, r -> {
                    assertThat(r.replacedSource()).isEqualTo("evt_1");
                    assertThat(r.replaced().stateKey()).isEqualTo(at10.stateKey());
                });
        Subscription older = new Subscription(user, "cus", "sub", Plan.MONTHLY, "incomplete", t0, t0.plusMonths(1), false, 9, t0);
        assertThat(subscriptions.replaceIfNewer(older, "evt_0")).isInstanceOf(SubscriptionRepository.Write.Stale.class);
        Subscription otherOf10 = new Subscription(user, "cus", "sub", Plan.MONTHLY, Subscription.CANCEL_SCHEDULED, t0, t0.plusMonths(1), true, 10, t0);
        assertThat(subscriptions.replaceIfNewer(otherOf10, "evt_2")).isInstanceOf(SubscriptionRepository.Write.Conflict.class);
        assertThat(subscriptions.find(user).orElseThrow().status()).as("nothing written on a conflict").isEqualTo("active");
    }

    @Test
    void attachCustomer_createsAFreeItemOnce_andKeepsTheFirstCustomer() {
        String user = "c-" + UUID.randomUUID();
        assertThat(subscriptions.attachCustomer(user, "cus_first")).isEqualTo("cus_first");
        assertThat(subscriptions.attachCustomer(user, "cus_second")).isEqualTo("cus_first");
        Subscription s = subscriptions.find(user).orElseThrow();
        assertThat(s.plan()).isEqualTo(Plan.FREE);
        assertThat(s.status()).isEqualTo(Subscription.NONE);
        assertThat(subscriptions.findByCustomerId("cus_first").orElseThrow().userId()).isEqualTo(user);
    }
}
