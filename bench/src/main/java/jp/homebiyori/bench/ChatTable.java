package jp.homebiyori.bench;

import jp.homebiyori.common.db.Attrs;
import jp.homebiyori.common.db.Table;
import jp.homebiyori.domain.chat.ChatMessage;
import jp.homebiyori.domain.subscription.Plan;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Direct access to one user's partition of the chats table: the naive TTL rewrite the real
 * ttl-updater is compared with, and the check that a rewrite reached every item.
 */
final class ChatTable {

    private final DynamoDbClient dynamo;
    private final String table;

    ChatTable(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** What a pass did: items rewritten and whether it finished before its time limit. */
    record Pass(int items, Duration wall, boolean complete) {
        double itemsPerSecond() {
            return items / (wall.toNanos() / 1e9);
        }
    }

    /**
     * The naive way: page through the user's chat keys, then for each chat, one after the other, GetItem
     * (read its created_at) and UpdateItem (SET TTL). Stops after {@code limit} if it takes that long.
     */
    Pass naiveRewrite(String userId, Plan plan, Duration limit) {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        int items = 0;
        Map<String, AttributeValue> from = null;
        do {
            QueryResponse page = page(userId, "PK, SK", 100, from);
            for (Map<String, AttributeValue> key : page.items()) {
                if (System.nanoTime() > deadline) {
                    return new Pass(items, Duration.ofNanos(System.nanoTime() - start), false);
                }
                Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
                long ttl = ChatMessage.ttlFor(Attrs.time(item, "created_at"), plan);
                dynamo.updateItem(b -> b.tableName(table).key(key).updateExpression("SET #ttl = :t")
                        .conditionExpression("attribute_exists(PK)").expressionAttributeNames(Map.of("#ttl", Table.TTL))
                        .expressionAttributeValues(Map.of(":t", Attrs.n(ttl))));
                items++;
            }
            from = page.lastEvaluatedKey();
        } while (from != null && !from.isEmpty());
        return new Pass(items, Duration.ofNanos(System.nanoTime() - start), true);
    }

    /** How many of the user's chats have TTL = created_at + the plan's retention, and how many there are. */
    long[] countRetention(String userId, Plan plan) {
        long[] rightAndAll = new long[2];
        forEach(userId, item -> {
            rightAndAll[1]++;
            if (Attrs.num(item, Table.TTL, 0) == ChatMessage.ttlFor(Attrs.time(item, "created_at"), plan)) {
                rightAndAll[0]++;
            }
        });
        return rightAndAll;
    }

    private void forEach(String userId, Consumer<Map<String, AttributeValue>> consumer) {
        Map<String, AttributeValue> from = null;
        do {
            QueryResponse page = page(userId, "created_at, #ttl", 1000, from);
            page.items().forEach(consumer);
            from = page.lastEvaluatedKey();
        } while (from != null && !from.isEmpty());
    }

    private QueryResponse page(String userId, String projection, int limit, Map<String, AttributeValue> from) {
        return dynamo.query(b -> {
            b.tableName(table).keyConditionExpression("PK = :u AND begins_with(SK, :p)")
                    .expressionAttributeValues(Map.of(":u", Attrs.s("USER#" + userId), ":p", Attrs.s("CHAT#")))
                    .projectionExpression(projection).limit(limit).exclusiveStartKey(from);
            if (projection.contains("#ttl")) {
                b.expressionAttributeNames(Map.of("#ttl", Table.TTL));
            }
        });
    }
}
