package jp.homebiyori.domain.chat.dynamo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.homebiyori.common.db.Attrs;
import jp.homebiyori.common.db.Conditions;
import jp.homebiyori.common.db.Page;
import jp.homebiyori.common.db.PageTokens;
import jp.homebiyori.common.db.Table;
import jp.homebiyori.common.db.TableNames;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.domain.character.AiCharacter;
import jp.homebiyori.domain.chat.ChatMessage;
import jp.homebiyori.domain.chat.ChatRepository;
import jp.homebiyori.domain.chat.ConversationContext;
import jp.homebiyori.domain.subscription.Plan;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@link ChatRepository} on the chats table. Every read filters on {@code TTL > now}: DynamoDB deletes
 * expired items lazily (and the local stand-in never does), so behaviour never depends on deletion.
 * The user's conversation context is one more item of the user's partition ({@link ContextItem}).
 */
@ApplicationScoped
public class DynamoChatRepository implements ChatRepository {

    private final DynamoDbClient dynamo;
    private final String table;
    private final PageTokens tokens;

    @Inject
    public DynamoChatRepository(DynamoDbClient dynamo, TableNames names, PageTokens tokens) {
        this.dynamo = dynamo;
        this.table = names.of(Table.CHATS);
        this.tokens = tokens;
    }

    @Override
    public void save(ChatMessage message) {
        dynamo.putItem(b -> b.tableName(table).item(ChatItem.toItem(message)).conditionExpression("attribute_not_exists(PK)"));
    }

    /**
     * One BatchWriteItem for the chat and the context: BatchWriteItem takes no condition, so the chat's
     * insert is not guarded by {@code attribute_not_exists} here — its key ends in a fresh random id, and
     * putting the same chat again (a retried batch) writes the same item.
     */
    @Override
    public void save(ChatMessage message, ConversationContext context) {
        if (context.isEmpty() || !context.userId().equals(message.userId())) {
            throw new IllegalArgumentException("a chat is stored with its own user's non-empty context");
        }
        Map<String, List<WriteRequest>> pending = Map.of(table, List.of(put(ChatItem.toItem(message)), put(ContextItem.toItem(context))));
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt == 5) {
                throw new IllegalStateException("DynamoDB kept the chat's write unprocessed");
            }
            backoff(attempt);
            Map<String, List<WriteRequest>> request = pending;
            pending = dynamo.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
        }
    }

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }

    private static void backoff(int attempt) {
        if (attempt == 0) {
            return;
        }
        try {
            Thread.sleep(25L << attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public ConversationContext context(String userId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(ContextItem.key(userId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? ConversationContext.empty(userId) : ContextItem.fromItem(userId, item);
    }

    @Override
    public ConversationContext retainContext(String userId, Plan plan, Instant now) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(ContextItem.key(userId)).consistentRead(true)).item();
            if (item == null || item.isEmpty()) {
                return ConversationContext.empty(userId);
            }
            ConversationContext stored = ContextItem.fromItem(userId, item);
            if (stored.isEmpty()) {
                return stored;
            }
            ConversationContext retained = stored.retainedFor(plan, now);
            Map<String, AttributeValue> values = new HashMap<>();
            String update;
            if (retained.isEmpty()) {
                // nothing left to quote: no text stays, and the item expires now (DynamoDB removes it)
                update = "REMOVE turns SET #ttl = :t";
                values.put(":t", Attrs.n(now.getEpochSecond()));
            } else {
                update = "SET turns = :turns, #ttl = :t";
                values.put(":turns", ContextItem.turns(retained.turns()));
                values.put(":t", Attrs.n(retained.ttlEpochSeconds()));
            }
            String condition;
            if (item.containsKey("updated_at")) {
                condition = "updated_at = :seen";
                values.put(":seen", item.get("updated_at"));
            } else {
                condition = "attribute_exists(PK) AND attribute_not_exists(updated_at)";
            }
            String expression = update;
            String guard = condition;
            if (Conditions.applied(() -> dynamo.updateItem(b -> b.tableName(table).key(ContextItem.key(userId))
                    .updateExpression(expression).conditionExpression(guard)
                    .expressionAttributeNames(Map.of("#ttl", Table.TTL)).expressionAttributeValues(values)))) {
                return retained;
            }
            // a message was stored meanwhile: rewrite what it left
        }
        throw new IllegalStateException("the conversation context kept changing during its TTL rewrite");
    }

    /** The stored key of a user's conversation context (for batch reads across tables). */
    public static Map<String, AttributeValue> contextKeyOf(String userId) {
        return ContextItem.key(userId);
    }

    /** A stored conversation context item as a {@link ConversationContext}. */
    public static ConversationContext contextFromStored(String userId, Map<String, AttributeValue> item) {
        return ContextItem.fromItem(userId, item);
    }

    @Override
    public Page<ChatMessage> history(String userId, int limit, String nextToken, AiCharacter character,
                                     OffsetDateTime from, OffsetDateTime to, Instant now) {
        String scope = "chats:" + userId + ":" + (character == null ? "" : character.id()) + ":" + from + ":" + to;
        Map<String, AttributeValue> start = tokens.decode(nextToken, scope);
        List<ChatMessage> items = new ArrayList<>();
        Map<String, AttributeValue> last;
        do {
            QueryResponse page = dynamo.query(query(userId, limit - items.size(), start, character, from, to, now));
            page.items().stream().map(ChatItem::fromItem).forEach(items::add);
            last = page.lastEvaluatedKey();
            start = last;
        } while (items.size() < limit && last != null && !last.isEmpty());
        return new Page<>(items, tokens.encode(last, scope));
    }

    private QueryRequest query(String userId, int limit, Map<String, AttributeValue> start, AiCharacter character,
                               OffsetDateTime from, OffsetDateTime to, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":u", ChatItem.userKey(userId));
        values.put(":now", Attrs.n(now.getEpochSecond()));
        String keyCondition;
        if (from == null && to == null) {
            values.put(":p", ChatItem.sortKeyPrefix());
            keyCondition = "PK = :u AND begins_with(SK, :p)";
        } else {
            values.put(":from", from == null ? ChatItem.sortKeyPrefix() : ChatItem.sortKeyAt(JstClock.format(from)));
            // "CHAT#<to>" sorts before every key of that instant, so the bound is exclusive as documented
            values.put(":to", to == null ? Attrs.s("CHAT#~") : ChatItem.sortKeyAt(JstClock.format(to)));
            keyCondition = "PK = :u AND SK BETWEEN :from AND :to";
        }
        String filter = "#ttl > :now";
        if (character != null) {
            values.put(":c", Attrs.s(character.id()));
            filter += " AND ai_character = :c";
        }
        return QueryRequest.builder().tableName(table).keyConditionExpression(keyCondition)
                .filterExpression(filter).expressionAttributeNames(Map.of("#ttl", Table.TTL))
                .expressionAttributeValues(values).scanIndexForward(false).limit(Math.max(1, limit))
                .exclusiveStartKey(start == null || start.isEmpty() ? null : start).build();
    }

    @Override
    public List<ChatMessage> newest(String userId, int count, Instant now) {
        return history(userId, count, null, null, null, null, now).items();
    }

    @Override
    public void forEachPage(String userId, Consumer<List<ChatKey>> consumer) {
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> exclusiveStart = start;
            QueryResponse page = dynamo.query(b -> b.tableName(table)
                    .keyConditionExpression("PK = :u AND begins_with(SK, :p)")
                    .expressionAttributeValues(Map.of(":u", ChatItem.userKey(userId), ":p", ChatItem.sortKeyPrefix()))
                    .projectionExpression("PK, SK, user_id, created_at")
                    .limit(100)
                    .exclusiveStartKey(exclusiveStart));
            if (!page.items().isEmpty()) {
                consumer.accept(page.items().stream().map(ChatItem::keyOf).toList());
            }
            start = page.lastEvaluatedKey();
        } while (start != null && !start.isEmpty());
    }

    @Override
    public void updateTtl(ChatKey key, long ttlEpochSeconds) {
        Conditions.applied(() -> dynamo.updateItem(b -> b.tableName(table).key(ChatItem.key(key))
                .updateExpression("SET #ttl = :t")
                .conditionExpression("attribute_exists(PK)")
                .expressionAttributeNames(Map.of("#ttl", Table.TTL))
                .expressionAttributeValues(Map.of(":t", Attrs.n(ttlEpochSeconds)))));
    }
}
