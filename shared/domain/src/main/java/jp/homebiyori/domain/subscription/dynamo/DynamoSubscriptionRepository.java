package jp.homebiyori.domain.subscription.dynamo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.homebiyori.common.db.Attrs;
import jp.homebiyori.common.db.Table;
import jp.homebiyori.common.db.TableNames;
import jp.homebiyori.domain.subscription.Subscription;
import jp.homebiyori.domain.subscription.SubscriptionRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.util.Map;
import java.util.Optional;

/** {@link SubscriptionRepository} on the subscriptions table. */
@ApplicationScoped
public class DynamoSubscriptionRepository implements SubscriptionRepository {

    private final DynamoDbClient dynamo;
    private final String table;

    @Inject
    public DynamoSubscriptionRepository(DynamoDbClient dynamo, TableNames names) {
        this.dynamo = dynamo;
        this.table = names.of(Table.SUBSCRIPTIONS);
    }

    @Override
    public Optional<Subscription> find(String userId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(SubscriptionItem.key(userId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(SubscriptionItem.fromItem(item));
    }

    /** The stored key of a user's subscription (for batch reads across tables). */
    public static Map<String, AttributeValue> keyOf(String userId) {
        return SubscriptionItem.key(userId);
    }

    /** A stored subscription item as a {@link Subscription}. */
    public static Subscription fromStored(Map<String, AttributeValue> item) {
        return SubscriptionItem.fromItem(item);
    }

    @Override
    public Optional<Subscription> findByCustomerId(String customerId) {
        return dynamo.query(b -> b.tableName(table).indexName(Table.GSI1)
                        .keyConditionExpression("GSI1PK = :c")
                        .expressionAttributeValues(Map.of(":c", SubscriptionItem.customerKey(customerId)))
                        .limit(1))
                .items().stream().findFirst().map(SubscriptionItem::fromItem);
    }

    @Override
    public boolean saveIfNotOlder(Subscription subscription) {
        return replaceIfNotOlder(subscription).isPresent();
    }

    @Override
    public Optional<Subscription> replaceIfNotOlder(Subscription subscription) {
        Map<String, AttributeValue> old;
        try {
            old = dynamo.putItem(b -> b.tableName(table)
                    .item(SubscriptionItem.toItem(subscription))
                    .conditionExpression("attribute_not_exists(PK) OR state_at <= :t")
                    .expressionAttributeValues(Map.of(":t", Attrs.n(subscription.stateAt())))
                    .returnValues(ReturnValue.ALL_OLD)).attributes();
        } catch (ConditionalCheckFailedException stale) {
            return Optional.empty();
        }
        return Optional.of(old == null || old.isEmpty() ? Subscription.free(subscription.userId()) : SubscriptionItem.fromItem(old));
    }

    @Override
    public Write replaceIfNewer(Subscription subscription, String source) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(SubscriptionItem.toItem(subscription));
        item.put("source_event", Attrs.s(source));
        Map<String, AttributeValue> old;
        try {
            old = dynamo.putItem(b -> b.tableName(table)
                    .item(item)
                    .conditionExpression("attribute_not_exists(PK) OR state_at < :t OR (state_at = :t AND state_key = :k)")
                    .expressionAttributeValues(Map.of(":t", Attrs.n(subscription.stateAt()), ":k", Attrs.s(subscription.stateKey())))
                    .returnValues(ReturnValue.ALL_OLD)).attributes();
        } catch (ConditionalCheckFailedException notNewer) {
            // only on this rare path a second read: what is stored tells stale from a same-second conflict
            Subscription stored = find(subscription.userId()).orElseGet(() -> Subscription.free(subscription.userId()));
            return stored.stateAt() > subscription.stateAt() ? new Write.Stale(stored) : new Write.Conflict(stored);
        }
        return old == null || old.isEmpty() ? new Write.Replaced(Subscription.free(subscription.userId()), null)
                : new Write.Replaced(SubscriptionItem.fromItem(old), Attrs.str(old, "source_event"));
    }

    @Override
    public Optional<Subscription> replaceIfStill(Subscription expected, Subscription subscription, String source) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(SubscriptionItem.toItem(subscription));
        Attrs.putIfPresent(item, "source_event", source);
        Map<String, AttributeValue> old;
        try {
            old = dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("state_at = :t AND (state_key = :k OR attribute_not_exists(state_key))")
                    .expressionAttributeValues(Map.of(":t", Attrs.n(expected.stateAt()), ":k", Attrs.s(expected.stateKey())))
                    .returnValues(ReturnValue.ALL_OLD)).attributes();
        } catch (ConditionalCheckFailedException changed) {
            return Optional.empty();
        }
        return Optional.of(SubscriptionItem.fromItem(old));
    }

    @Override
    public String attachCustomer(String userId, String customerId) {
        Map<String, AttributeValue> after = dynamo.updateItem(b -> b.tableName(table).key(SubscriptionItem.key(userId))
                .updateExpression("SET user_id = :u, customer_id = if_not_exists(customer_id, :c), "
                        + "GSI1PK = if_not_exists(GSI1PK, :g), GSI1SK = :sk, current_plan = if_not_exists(current_plan, :free), "
                        + "#status = if_not_exists(#status, :none), state_at = if_not_exists(state_at, :zero), "
                        + "cancel_at_period_end = if_not_exists(cancel_at_period_end, :f)")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":u", Attrs.s(userId), ":c", Attrs.s(customerId),
                        ":g", SubscriptionItem.customerKey(customerId), ":sk", Attrs.s(SubscriptionItem.SUBSCRIPTION),
                        ":free", Attrs.s("free"), ":none", Attrs.s(Subscription.NONE), ":zero", Attrs.n(0), ":f", Attrs.bool(false)))
                .returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.ALL_NEW)).attributes();
        return Attrs.str(after, "customer_id");
    }

    @Override
    public void delete(String userId) {
        dynamo.deleteItem(b -> b.tableName(table).key(SubscriptionItem.key(userId)));
    }
}
