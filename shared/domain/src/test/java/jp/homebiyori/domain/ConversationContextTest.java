package jp.homebiyori.domain;

import jp.homebiyori.common.auth.DeletedAccounts;
import jp.homebiyori.common.config.AwsClients;
import jp.homebiyori.common.db.Table;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.domain.account.UserDataEraser;
import jp.homebiyori.domain.character.AiCharacter;
import jp.homebiyori.domain.character.Mood;
import jp.homebiyori.domain.character.PraiseLevel;
import jp.homebiyori.domain.chat.ChatContextReader;
import jp.homebiyori.domain.chat.ChatMessage;
import jp.homebiyori.domain.chat.ChatRepository;
import jp.homebiyori.domain.chat.ConversationContext;
import jp.homebiyori.domain.chat.ConversationContext.Turn;
import jp.homebiyori.domain.chat.dynamo.DynamoChatRepository;
import jp.homebiyori.domain.subscription.Plan;
import jp.homebiyori.domain.tree.dynamo.DynamoTreeRepository;
import jp.homebiyori.testkit.TestStack;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conversation context beside the chats (USER#id / CONTEXT in the chats table): it keeps only turns
 * whose chats are kept, expires with its oldest turn, follows a plan change, is read in the chat's one
 * batch and erased with the account.
 */
class ConversationContextTest {

    private static final DomainTables TABLES = new DomainTables();
    private final DynamoChatRepository chats = new DynamoChatRepository(TABLES.dynamo, TABLES.names, TABLES.tokens);
    private final ChatContextReader reader = new ChatContextReader(TABLES.dynamo, TABLES.names,
            new DeletedAccounts(TABLES.dynamo, TABLES.names, JstClock.system(), 24));
    private final OffsetDateTime t0 = OffsetDateTime.parse("2026-11-26T12:00:00.000+09:00");

    private static ChatMessage chat(String user, OffsetDateTime at, Plan plan) {
        return new ChatMessage(user, UUID.randomUUID().toString(), ChatMessage.ChatType.INDIVIDUAL, "words at " + at,
                List.of(), AiCharacter.TAMA, Mood.PRAISE, PraiseLevel.NORMAL, null, false, 1, 1, plan, at, ChatMessage.ttlFor(at, plan));
    }

    /** What a send does: the chat and the context after it, as stored. */
    private ConversationContext send(String user, OffsetDateTime at, Plan plan) {
        ConversationContext after = chats.context(user).with(new Turn("words at " + at, "reply at " + at, at), at.toInstant(), plan);
        chats.save(chat(user, at, plan), after);
        return chats.context(user);
    }

    private static long epoch(OffsetDateTime at) {
        return at.toInstant().getEpochSecond();
    }

    private Map<String, AttributeValue> rawContext(String user) {
        return TABLES.scan(Table.CHATS).stream()
                .filter(i -> i.get("PK").s().equals("USER#" + user) && i.get("SK").s().equals("CONTEXT"))
                .findFirst().orElseThrow();
    }

    @Test
    void onTheFreePlan_theItemExpiresWithItsOldestTurn_andATurn31DaysOldIsNotWrittenBack() {
        String user = "fr-" + UUID.randomUUID();
        send(user, t0, Plan.FREE);
        ConversationContext two = send(user, t0.plusDays(10), Plan.FREE);
        assertThat(two.turns()).extracting(Turn::at).containsExactly(t0, t0.plusDays(10));
        assertThat(two.ttlEpochSeconds()).isEqualTo(epoch(t0.plusDays(30)));

        // day 31: the item expired with its oldest turn (whether or not DynamoDB has deleted it yet), and with
        // it the newer turn it held; the write starts afresh
        ConversationContext later = send(user, t0.plusDays(31), Plan.FREE);
        assertThat(later.turns()).extracting(Turn::at).containsExactly(t0.plusDays(31));
        assertThat(later.ttlEpochSeconds()).isEqualTo(epoch(t0.plusDays(61)));
        Map<String, AttributeValue> raw = rawContext(user);
        assertThat(raw.get("TTL").n()).isEqualTo(Long.toString(epoch(t0.plusDays(61))));
        assertThat(raw.get("turns").l()).singleElement().satisfies(t -> assertThat(t.m().get("at").s()).startsWith("2026-12-27"));
        assertThat(raw).doesNotContainKeys("GSI1PK", "GSI1SK");
    }

    @Test
    void afterADowngrade_beforeTheTtlRewrite_theNextWriteDropsTurnsFreeNoLongerKeeps() {
        String user = "dn-" + UUID.randomUUID();
        send(user, t0, Plan.MONTHLY);
        ConversationContext premium = send(user, t0.plusDays(10), Plan.MONTHLY);
        assertThat(premium.ttlEpochSeconds()).isEqualTo(epoch(t0.plusDays(180)));
        // free again at day 31, ttl-updater not yet through: the item lives, its 31-day-old turn must not stay
        ConversationContext free = send(user, t0.plusDays(31), Plan.FREE);
        assertThat(free.turns()).extracting(Turn::at).containsExactly(t0.plusDays(10), t0.plusDays(31));
        assertThat(free.ttlEpochSeconds()).isEqualTo(epoch(t0.plusDays(40)));
        assertThat(rawContext(user).get("turns").l()).noneSatisfy(t -> assertThat(t.m().get("at").s()).startsWith("2026-11-26"));
    }

    @Test
    void onlyTheNewestFiveTurnsAreKept() {
        String user = "five-" + UUID.randomUUID();
        ConversationContext last = null;
        for (int i = 0; i < 7; i++) {
            last = send(user, t0.plusMinutes(i), Plan.FREE);
        }
        assertThat(last.turns()).hasSize(ConversationContext.TURNS)
                .extracting(Turn::at).first().isEqualTo(t0.plusMinutes(2));
        assertThat(last.ttlEpochSeconds()).isEqualTo(epoch(t0.plusMinutes(2).plusDays(30)));
    }

    @Test
    void aContextPastItsTtl_isReadAsEmpty_thoughTheItemIsStillThere() {
        String user = "old-" + UUID.randomUUID();
        send(user, t0, Plan.FREE);
        send(user, t0.plusDays(20), Plan.FREE);
        Instant afterOldest = t0.plusDays(30).toInstant();
        // DynamoDB deletes expired items lazily, dynalite never: the item is there, its turns are not seen
        ConversationContext stored = reader.read(user).conversation();
        assertThat(stored.turns()).hasSize(2);
        assertThat(stored.live(afterOldest.minusSeconds(1), Plan.FREE)).hasSize(2);
        assertThat(stored.live(afterOldest, Plan.FREE)).isEmpty();
        assertThat(stored.live(afterOldest, Plan.YEARLY)).as("the item's TTL holds until the plan change rewrites it").isEmpty();
        // and the next write starts afresh
        assertThat(send(user, t0.plusDays(30), Plan.FREE).turns()).extracting(Turn::at).containsExactly(t0.plusDays(30));
    }

    @Test
    void theContext_isReadInTheChatsBatch_andNeverListedAsAChat() {
        String user = "batch-" + UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now();
        send(user, now.minusMinutes(1), Plan.FREE);
        send(user, now, Plan.FREE);
        ChatContextReader.ChatContext read = reader.read(user);
        assertThat(read.conversation().live(now.toInstant(), Plan.FREE)).extracting(Turn::aiReply)
                .containsExactly("reply at " + now.minusMinutes(1), "reply at " + now);
        assertThat(read.profile()).isEmpty();
        assertThat(chats.history(user, 20, null, null, null, null, now.toInstant()).items()).hasSize(2);
        assertThat(chats.history(user, 20, null, null, now.minusDays(1), now.plusDays(1), now.toInstant()).items()).hasSize(2);
        List<ChatRepository.ChatKey> keys = new ArrayList<>();
        chats.forEachPage(user, keys::addAll);
        assertThat(keys).hasSize(2).allSatisfy(k -> assertThat(k.sortKey()).startsWith("CHAT#"));
        assertThat(reader.read("nobody-" + UUID.randomUUID()).conversation().isEmpty()).isTrue();
    }

    @Test
    void aPlanChange_rewritesTheContext_upgradeTo180Days_downgradeDropsWhatFreeNoLongerKeeps() {
        String user = "plan-" + UUID.randomUUID();
        send(user, t0, Plan.FREE);
        send(user, t0.plusDays(20), Plan.FREE);

        Instant upgradedAt = t0.plusDays(25).toInstant();
        ConversationContext premium = chats.retainContext(user, Plan.YEARLY, upgradedAt);
        assertThat(premium.turns()).hasSize(2);
        assertThat(chats.context(user).ttlEpochSeconds()).isEqualTo(epoch(t0.plusDays(180)));
        send(user, t0.plusDays(100), Plan.YEARLY);
        assertThat(chats.context(user).turns()).as("180 days keep the first turn").hasSize(3);

        Instant downgradedAt = t0.plusDays(120).toInstant();
        ConversationContext free = chats.retainContext(user, Plan.FREE, downgradedAt);
        assertThat(free.turns()).extracting(Turn::at).containsExactly(t0.plusDays(100));
        ConversationContext stored = chats.context(user);
        assertThat(stored.turns()).extracting(Turn::at).containsExactly(t0.plusDays(100));
        assertThat(stored.ttlEpochSeconds()).isEqualTo(epoch(t0.plusDays(130)));

        // nothing left to quote: no text stays, and the item expires at once
        Instant muchLater = t0.plusDays(140).toInstant();
        assertThat(chats.retainContext(user, Plan.FREE, muchLater).isEmpty()).isTrue();
        Map<String, AttributeValue> raw = rawContext(user);
        assertThat(raw).doesNotContainKey("turns");
        assertThat(raw.get("TTL").n()).isEqualTo(Long.toString(muchLater.getEpochSecond()));
        assertThat(chats.retainContext("none-" + UUID.randomUUID(), Plan.FREE, muchLater).isEmpty()).isTrue();
    }

    @Test
    void theRewrite_keepsATurnStoredWhileItRan() {
        String user = "race-" + UUID.randomUUID();
        send(user, t0, Plan.MONTHLY);
        // a message stored between the rewrite's read and its write (an SDK interceptor sends it just before
        // the rewrite's first UpdateItem): the write's condition fails, so it reads again and keeps the new turn
        AtomicInteger updates = new AtomicInteger();
        ExecutionInterceptor messageInBetween = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if ("UpdateItem".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)) && updates.getAndIncrement() == 0) {
                    send(user, t0.plusDays(1), Plan.MONTHLY);
                }
            }
        };
        try (DynamoDbClient dynamo = AwsClients.build(DynamoDbClient.builder(), "ap-northeast-1",
                Optional.of(TestStack.dynalite().endpoint().toString()), Duration.ofSeconds(5), List.of(messageInBetween))) {
            DynamoChatRepository racing = new DynamoChatRepository(dynamo, TABLES.names, TABLES.tokens);
            ConversationContext after = racing.retainContext(user, Plan.MONTHLY, t0.plusDays(2).toInstant());
            assertThat(after.turns()).extracting(Turn::at).containsExactly(t0, t0.plusDays(1));
        }
        assertThat(updates.get()).as("the first rewrite lost, the second won").isEqualTo(2);
        assertThat(chats.context(user).turns()).extracting(Turn::at).containsExactly(t0, t0.plusDays(1));
    }

    @Test
    void deletingTheAccount_erasesTheContext() {
        String user = "del-" + UUID.randomUUID();
        String other = "keep-" + UUID.randomUUID();
        send(user, t0, Plan.FREE);
        send(other, t0, Plan.FREE);
        new UserDataEraser(TABLES.dynamo, TABLES.names).eraseAll(user);
        assertThat(TABLES.scan(Table.CHATS)).noneMatch(i -> i.get("PK").s().equals("USER#" + user));
        assertThat(chats.context(user).isEmpty()).isTrue();
        assertThat(chats.context(other).turns()).hasSize(1);
    }

    @Test
    void theTreeNoLongerHoldsChatText_andANextMessageRemovesWhatAnOlderVersionLeftThere() {
        String user = "legacy-" + UUID.randomUUID();
        DynamoTreeRepository trees = new DynamoTreeRepository(TABLES.dynamo, TABLES.names);
        trees.recordMessage(user, 10, LocalDate.of(2026, 11, 26), t0);
        TABLES.dynamo.updateItem(b -> b.tableName(TABLES.names.of(Table.TREES))
                .key(Map.of("PK", AttributeValue.fromS("USER#" + user), "SK", AttributeValue.fromS("TREE")))
                .updateExpression("SET recent_turns = :t")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of(
                        "user_message", AttributeValue.fromS("old words"), "ai_reply", AttributeValue.fromS("old reply"),
                        "at", AttributeValue.fromS("2026-01-01T00:00:00.000+09:00"))))))));
        trees.recordMessage(user, 10, LocalDate.of(2026, 11, 27), t0.plusDays(1));
        Optional<Map<String, AttributeValue>> tree = TABLES.scan(Table.TREES).stream()
                .filter(i -> i.get("PK").s().equals("USER#" + user)).findFirst();
        assertThat(tree).get().satisfies(item -> assertThat(item).doesNotContainKey("recent_turns")
                .containsEntry("total_characters", AttributeValue.fromN("20")));
    }

    @Test
    void aTurnIsKeptExactlyAsLongAsItsChat() {
        ConversationContext context = new ConversationContext("u", List.of(new Turn("m", "r", t0)), 0);
        Instant chatExpiry = Instant.ofEpochSecond(ChatMessage.ttlFor(t0, Plan.FREE));
        assertThat(Duration.between(t0.toInstant(), chatExpiry)).isEqualTo(Duration.ofDays(30));
        assertThat(context.live(chatExpiry.minusSeconds(1), Plan.FREE)).hasSize(1);
        assertThat(context.live(chatExpiry, Plan.FREE)).isEmpty();
        assertThat(context.live(chatExpiry, Plan.MONTHLY)).hasSize(1);
    }
}
