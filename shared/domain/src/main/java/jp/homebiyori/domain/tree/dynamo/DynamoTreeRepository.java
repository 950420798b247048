package jp.homebiyori.domain.tree.dynamo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.homebiyori.common.db.Attrs;
import jp.homebiyori.common.db.Conditions;
import jp.homebiyori.common.db.Table;
import jp.homebiyori.common.db.TableNames;
import jp.homebiyori.domain.tree.Tree;
import jp.homebiyori.domain.tree.TreeRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@link TreeRepository} on the trees table: every change is one UpdateItem with ADD or a condition. */
@ApplicationScoped
public class DynamoTreeRepository implements TreeRepository {

    private final DynamoDbClient dynamo;
    private final String table;

    @Inject
    public DynamoTreeRepository(DynamoDbClient dynamo, TableNames names) {
        this.dynamo = dynamo;
        this.table = names.of(Table.TREES);
    }

    @Override
    public Optional<Tree> find(String userId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(TreeItem.key(userId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(TreeItem.fromItem(userId, item));
    }

    /**
     * One UpdateItem; it also removes {@code recent_turns}, where the conversation context (chat text)
     * was kept on the tree item until it moved beside the chats, so no tree keeps quoting expired chats.
     */
    @Override
    public Tree recordMessage(String userId, int characters, LocalDate jstDate, OffsetDateTime now) {
        Map<String, AttributeValue> values = Map.of(":c", Attrs.n(characters), ":one", Attrs.n(1),
                ":d", Attrs.s(jstDate.toString()), ":now", Attrs.time(now), ":u", Attrs.s(userId));
        String expression = "ADD total_characters :c, total_messages :one "
                + "SET last_message_date = :d, updated_at = :now, created_at = if_not_exists(created_at, :now), user_id = :u "
                + "REMOVE " + TreeItem.LEGACY_TURNS;
        Map<String, AttributeValue> after = dynamo.updateItem(b -> b.tableName(table).key(TreeItem.key(userId))
                .updateExpression(expression).expressionAttributeValues(values)
                .returnValues(ReturnValue.ALL_NEW)).attributes();
        return TreeItem.fromItem(userId, after);
    }

    /** The stored key of a user's tree (for batch reads across tables). */
    public static Map<String, AttributeValue> keyOf(String userId) {
        return TreeItem.key(userId);
    }

    /** A stored tree item as a {@link Tree}. */
    public static Tree fromStored(String userId, Map<String, AttributeValue> item) {
        return TreeItem.fromItem(userId, item);
    }

    @Override
    public boolean claimFruitOfDay(String userId, LocalDate jstDate, OffsetDateTime now) {
        return Conditions.applied(() -> dynamo.updateItem(b -> b.tableName(table).key(TreeItem.key(userId))
                .updateExpression("SET last_fruit_date = :d, updated_at = :now, created_at = if_not_exists(created_at, :now), "
                        + "user_id = :u ADD total_fruits :one")
                .conditionExpression("attribute_not_exists(last_fruit_date) OR last_fruit_date <> :d")
                .expressionAttributeValues(Map.of(":d", Attrs.s(jstDate.toString()), ":now", Attrs.time(now),
                        ":one", Attrs.n(1), ":u", Attrs.s(userId)))));
    }

    @Override
    public void releaseFruitOfDay(String userId, LocalDate jstDate, LocalDate previousFruitDate) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":d", Attrs.s(jstDate.toString()), ":minus", Attrs.n(-1)));
        String set;
        if (previousFruitDate == null) {
            set = "REMOVE last_fruit_date ADD total_fruits :minus";
        } else {
            values.put(":prev", Attrs.s(previousFruitDate.toString()));
            set = "SET last_fruit_date = :prev ADD total_fruits :minus";
        }
        Conditions.applied(() -> dynamo.updateItem(b -> b.tableName(table).key(TreeItem.key(userId))
                .updateExpression(set).conditionExpression("last_fruit_date = :d")
                .expressionAttributeValues(values)));
    }
}
