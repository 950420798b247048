package jp.homebiyori.domain.tree.dynamo;

import jp.homebiyori.common.db.Attrs;
import jp.homebiyori.common.db.Table;
import jp.homebiyori.domain.tree.Tree;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.LocalDate;
import java.util.Map;

/** {@code USER#<id>} / {@code TREE}: counters and days only, no chat text. */
final class TreeItem {

    private TreeItem() {
    }

    static Map<String, AttributeValue> key(String userId) {
        return Map.of(Table.PK, Attrs.s("USER#" + userId), Table.SK, Attrs.s("TREE"));
    }

    /** Where the conversation context was kept before it moved beside the chats; removed on the next message. */
    static final String LEGACY_TURNS = "recent_turns";

    static Tree fromItem(String userId, Map<String, AttributeValue> item) {
        return new Tree(userId,
                Attrs.num(item, "total_characters", 0),
                Attrs.num(item, "total_messages", 0),
                Attrs.num(item, "total_fruits", 0),
                date(Attrs.str(item, "last_message_date")),
                date(Attrs.str(item, "last_fruit_date")),
                Attrs.time(item, "created_at"),
                Attrs.time(item, "updated_at"));
    }

    private static LocalDate date(String value) {
        return value == null || value.isEmpty() ? null : LocalDate.parse(value);
    }
}
