package jp.homebiyori.domain.notification.dynamo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.homebiyori.common.db.Attrs;
import jp.homebiyori.common.db.Conditions;
import jp.homebiyori.common.db.Page;
import jp.homebiyori.common.db.PageTokens;
import jp.homebiyori.common.db.Table;
import jp.homebiyori.common.db.TableNames;
import jp.homebiyori.domain.notification.Notification;
import jp.homebiyori.domain.notification.NotificationRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.Select;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link NotificationRepository} on the notifications table; reads filter on {@code TTL > now}. */
@ApplicationScoped
public class DynamoNotificationRepository implements NotificationRepository {

    private final DynamoDbClient dynamo;
    private final String table;
    private final PageTokens tokens;

    @Inject
    public DynamoNotificationRepository(DynamoDbClient dynamo, TableNames names, PageTokens tokens) {
        this.dynamo = dynamo;
        this.table = names.of(Table.NOTIFICATIONS);
        this.tokens = tokens;
    }

    @Override
    public Created create(Notification n, String dedupKey) {
        if (dedupKey != null) {
            Map<String, AttributeValue> guard = new HashMap<>(NotificationItem.guardKey(n.userId(), dedupKey));
            guard.put("notification_id", Attrs.s(n.notificationId()));
            guard.put(Table.TTL, Attrs.n(n.expiresAt().toEpochSecond()));
            if (!Conditions.applied(() -> dynamo.putItem(b -> b.tableName(table).item(guard).conditionExpression("attribute_not_exists(PK)")))) {
                Map<String, AttributeValue> existing = dynamo.getItem(b -> b.tableName(table)
                        .key(NotificationItem.guardKey(n.userId(), dedupKey)).consistentRead(true)).item();
                Optional<Notification> first = findById(n.userId(), Attrs.str(existing, "notification_id"));
                if (first.isPresent()) {
                    return new Created(first.get(), true);
                }
                // the first attempt died between guard and notification: finish its job now
            }
        }
        dynamo.putItem(b -> b.tableName(table).item(NotificationItem.toItem(n)));
        return new Created(n, false);
    }

    private Optional<Notification> findById(String userId, String notificationId) {
        if (notificationId == null) {
            return Optional.empty();
        }
        return dynamo.query(b -> b.tableName(table).indexName(Table.GSI1).keyConditionExpression("GSI1PK = :n")
                        .expressionAttributeValues(Map.of(":n", NotificationItem.idKey(notificationId))))
                .items().stream().map(NotificationItem::fromItem).filter(x -> userId.equals(x.userId())).findFirst();
    }

    @Override
    public Page<Notification> list(String userId, int limit, String nextToken, boolean unreadOnly, Instant now) {
        String scope = "notifications:" + userId + ":" + unreadOnly;
        Map<String, AttributeValue> start = tokens.decode(nextToken, scope);
        List<Notification> items = new ArrayList<>();
        Map<String, AttributeValue> last;
        do {
            Map<String, AttributeValue> exclusiveStart = start;
            int want = limit - items.size();
            QueryResponse page = dynamo.query(b -> b.tableName(table)
                    .keyConditionExpression("PK = :u AND begins_with(SK, :p)")
                    .filterExpression(unreadOnly ? "#ttl > :now AND is_read = :f" : "#ttl > :now")
                    .expressionAttributeNames(Map.of("#ttl", Table.TTL))
                    .expressionAttributeValues(values(userId, now, unreadOnly))
                    .scanIndexForward(false).limit(want)
                    .exclusiveStartKey(exclusiveStart == null || exclusiveStart.isEmpty() ? null : exclusiveStart));
            page.items().stream().map(NotificationItem::fromItem).forEach(items::add);
            last = page.lastEvaluatedKey();
            start = last;
        } while (items.size() < limit && last != null && !last.isEmpty());
        return new Page<>(items, tokens.encode(last, scope));
    }

    private static Map<String, AttributeValue> values(String userId, Instant now, boolean unreadOnly) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":u", NotificationItem.userKey(userId), ":p", NotificationItem.sortKeyPrefix(),
                ":now", Attrs.n(now.getEpochSecond())));
        if (unreadOnly) {
            values.put(":f", Attrs.bool(false));
        }
        return values;
    }

    @Override
    public long unreadCount(String userId, Instant now) {
        long count = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> exclusiveStart = start;
            QueryResponse page = dynamo.query(b -> b.tableName(table)
                    .keyConditionExpression("PK = :u AND begins_with(SK, :p)")
                    .filterExpression("#ttl > :now AND is_read = :f")
                    .expressionAttributeNames(Map.of("#ttl", Table.TTL))
                    .expressionAttributeValues(values(userId, now, true))
                    .select(Select.COUNT).exclusiveStartKey(exclusiveStart));
            count += page.count();
            start = page.lastEvaluatedKey();
        } while (start != null && !start.isEmpty());
        return count;
    }

    @Override
    public Optional<Notification> markRead(String userId, String notificationId, OffsetDateTime now) {
        Optional<Notification> found = findById(userId, notificationId).filter(n -> !n.expiredAt(now.toInstant()));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        try {
            Map<String, AttributeValue> after = dynamo.updateItem(b -> b.tableName(table).key(NotificationItem.key(found.get()))
                    .updateExpression("SET is_read = :t, read_at = if_not_exists(read_at, :now)")
                    .conditionExpression("attribute_exists(PK)")
                    .expressionAttributeValues(Map.of(":t", Attrs.bool(true), ":now", Attrs.time(now)))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return Optional.of(NotificationItem.fromItem(after));
        } catch (ConditionalCheckFailedException gone) {
            return Optional.empty();
        }
    }
}
