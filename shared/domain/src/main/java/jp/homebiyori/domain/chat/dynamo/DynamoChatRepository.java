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
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

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
