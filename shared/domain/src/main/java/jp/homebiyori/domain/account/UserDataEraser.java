package jp.homebiyori.domain.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.homebiyori.common.db.Attrs;
import jp.homebiyori.common.db.Table;
import jp.homebiyori.common.db.TableNames;
import jp.homebiyori.domain.feedback.dynamo.DynamoFeedbackRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Deletes every item of a user in every table: pages of the user's partition ({@code USER#<id>}) in
 * each table, batch-deleted 25 at a time (unprocessed items retried). The user's cancellation feedback
 * lives in month partitions; it is found through its references in the user's subscriptions partition
 * (written with it, see {@code DynamoFeedbackRepository}) and deleted before them, so the cost grows with
 * the user's data, never with other users'. Idempotent and resumable: a run that stops half-way is
 * finished by the next. The profile goes last, so "the account still exists" is true until the end.
 */
@ApplicationScoped
public class UserDataEraser {

    /** Tables in deletion order: bulk first, the profile last. */
    private static final List<Table> USER_PARTITIONED = List.of(
            Table.CHATS, Table.FRUITS, Table.NOTIFICATIONS, Table.TREES, Table.SUBSCRIPTIONS, Table.USERS);

    private final DynamoDbClient dynamo;
    private final TableNames names;

    @Inject
    public UserDataEraser(DynamoDbClient dynamo, TableNames names) {
        this.dynamo = dynamo;
        this.names = names;
    }

    /** Deletes everything of {@code userId}; returns how many items each table lost. */
    public Map<Table, Integer> eraseAll(String userId) {
        Map<Table, Integer> deleted = new EnumMap<>(Table.class);
        deleted.put(Table.FEEDBACK, 0);
        for (Table table : USER_PARTITIONED) {
            deleted.put(table, erasePartition(table, userId, deleted));
        }
        return deleted;
    }

    private int erasePartition(Table table, String userId, Map<Table, Integer> deleted) {
        String name = names.of(table);
        int count = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> exclusiveStart = start;
            QueryResponse page = dynamo.query(b -> b.tableName(name)
                    .keyConditionExpression("PK = :u")
                    .expressionAttributeValues(Map.of(":u", Attrs.s("USER#" + userId)))
                    .projectionExpression("PK, SK, " + DynamoFeedbackRepository.REFERENCED_PK + ", " + DynamoFeedbackRepository.REFERENCED_SK)
                    .limit(100).exclusiveStartKey(exclusiveStart));
            List<Map<String, AttributeValue>> feedback = referencedFeedback(page.items());
            if (!feedback.isEmpty()) {
                deleted.merge(Table.FEEDBACK, deleteKeys(names.of(Table.FEEDBACK), feedback), Integer::sum);
            }
            count += deleteKeys(name, page.items().stream().map(UserDataEraser::keyOf).toList());
            start = page.lastEvaluatedKey();
        } while (start != null && !start.isEmpty());
        return count;
    }

    private static List<Map<String, AttributeValue>> referencedFeedback(List<Map<String, AttributeValue>> items) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (Map<String, AttributeValue> item : items) {
            AttributeValue pk = item.get(DynamoFeedbackRepository.REFERENCED_PK);
            AttributeValue sk = item.get(DynamoFeedbackRepository.REFERENCED_SK);
            if (pk != null && sk != null && item.get(Table.SK).s().startsWith(DynamoFeedbackRepository.REFERENCE_PREFIX)) {
                keys.add(Map.of(Table.PK, pk, Table.SK, sk));
            }
        }
        return keys;
    }

    private static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        return Map.of(Table.PK, item.get(Table.PK), Table.SK, item.get(Table.SK));
    }

    private int deleteKeys(String table, List<Map<String, AttributeValue>> keys) {
        for (int from = 0; from < keys.size(); from += 25) {
            List<WriteRequest> batch = new ArrayList<>();
            for (Map<String, AttributeValue> key : keys.subList(from, Math.min(keys.size(), from + 25))) {
                batch.add(WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build());
            }
            Map<String, List<WriteRequest>> pending = Map.of(table, batch);
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                if (attempt > 8) {
                    throw new IllegalStateException("DynamoDB kept refusing deletes in " + table + "; run the deletion again");
                }
                backoff(attempt);
                Map<String, List<WriteRequest>> request = pending;
                pending = dynamo.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
            }
        }
        return keys.size();
    }

    private static void backoff(int attempt) {
        if (attempt == 0) {
            return;
        }
        try {
            Thread.sleep(Math.min(1000L, 25L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
