package jp.homebiyori.domain.tree.dynamo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.homebiyori.common.db.Attrs;
import jp.homebiyori.common.db.Page;
import jp.homebiyori.common.db.PageTokens;
import jp.homebiyori.common.db.Table;
import jp.homebiyori.common.db.TableNames;
import jp.homebiyori.domain.character.AiCharacter;
import jp.homebiyori.domain.character.Emotion;
import jp.homebiyori.domain.tree.Fruit;
import jp.homebiyori.domain.tree.FruitRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link FruitRepository} on the fruits table. */
@ApplicationScoped
public class DynamoFruitRepository implements FruitRepository {

    private final DynamoDbClient dynamo;
    private final String table;
    private final PageTokens tokens;

    @Inject
    public DynamoFruitRepository(DynamoDbClient dynamo, TableNames names, PageTokens tokens) {
        this.dynamo = dynamo;
        this.table = names.of(Table.FRUITS);
        this.tokens = tokens;
    }

    @Override
    public void save(Fruit fruit) {
        dynamo.putItem(b -> b.tableName(table).item(FruitItem.toItem(fruit)).conditionExpression("attribute_not_exists(PK)"));
    }

    @Override
    public Optional<Fruit> find(String userId, String fruitId) {
        return dynamo.query(b -> b.tableName(table).indexName(Table.GSI1)
                        .keyConditionExpression("GSI1PK = :f")
                        .expressionAttributeValues(Map.of(":f", FruitItem.fruitKey(fruitId))))
                .items().stream()
                .map(FruitItem::fromItem)
                .filter(f -> userId.equals(f.userId()))
                .findFirst();
    }

    @Override
    public Page<Fruit> list(String userId, int limit, String nextToken, AiCharacter character, Emotion emotion) {
        String scope = "fruits:" + userId + ":" + (character == null ? "" : character.id()) + ":" + (emotion == null ? "" : emotion.id());
        Map<String, AttributeValue> start = tokens.decode(nextToken, scope);
        List<Fruit> items = new ArrayList<>();
        Map<String, AttributeValue> last;
        // filters apply after the key condition, so a page may need several reads to fill
        do {
            QueryResponse page = dynamo.query(query(userId, limit - items.size(), start, character, emotion));
            page.items().stream().map(FruitItem::fromItem).forEach(items::add);
            last = page.lastEvaluatedKey();
            start = last;
        } while (items.size() < limit && last != null && !last.isEmpty());
        return new Page<>(items, tokens.encode(last, scope));
    }

    private QueryRequest query(String userId, int limit, Map<String, AttributeValue> start, AiCharacter character, Emotion emotion) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":u", FruitItem.userKey(userId), ":p", FruitItem.sortKeyPrefix()));
        List<String> filters = new ArrayList<>();
        if (character != null) {
            values.put(":c", Attrs.s(character.id()));
            filters.add("ai_character = :c");
        }
        if (emotion != null) {
            values.put(":e", Attrs.s(emotion.id()));
            filters.add("detected_emotion = :e");
        }
        QueryRequest.Builder b = QueryRequest.builder().tableName(table)
                .keyConditionExpression("PK = :u AND begins_with(SK, :p)")
                .expressionAttributeValues(values).scanIndexForward(false).limit(Math.max(1, limit))
                .exclusiveStartKey(start == null || start.isEmpty() ? null : start);
        if (!filters.isEmpty()) {
            b.filterExpression(String.join(" AND ", filters));
        }
        return b.build();
    }

    @Override
    public List<Fruit> newest(String userId, int count) {
        return list(userId, count, null, null, null).items();
    }

    @Override
    public Optional<Fruit> recordView(Fruit fruit, OffsetDateTime now) {
        try {
            Map<String, AttributeValue> after = dynamo.updateItem(b -> b.tableName(table).key(FruitItem.key(fruit))
                    .updateExpression("ADD view_count :one SET first_viewed_at = if_not_exists(first_viewed_at, :now)")
                    .conditionExpression("attribute_exists(PK)")
                    .expressionAttributeValues(Map.of(":one", Attrs.n(1), ":now", Attrs.time(now)))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return Optional.of(FruitItem.fromItem(after));
        } catch (ConditionalCheckFailedException gone) {
            return Optional.empty();
        }
    }
}
