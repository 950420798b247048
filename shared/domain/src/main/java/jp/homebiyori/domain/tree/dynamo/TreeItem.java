package jp.homebiyori.domain.tree.dynamo;

import jp.homebiyori.common.db.Attrs;
import jp.homebiyori.common.db.Table;
import jp.homebiyori.domain.tree.Tree;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.LocalDate;
import java.util.Map;

/** {@code USER#<id>} / {@code TREE}. */
final class TreeItem {

    private TreeItem() {
    }

    static Map<String, AttributeValue> key(String userId) {
        return Map.of(Table.PK, Attrs.s("USER#" + userId), Table.SK, Attrs.s("TREE"));
    }

    static AttributeValue turns(java.util.List<Tree.RecentTurn> turns) {
        return AttributeValue.fromL(turns.stream().map(t -> AttributeValue.fromM(Map.of(
                "user_message", Attrs.s(t.userMessage()), "ai_reply", Attrs.s(t.aiReply()), "at", Attrs.time(t.at())))).toList());
    }

    static java.util.List<Tree.RecentTurn> turnsOf(Map<String, AttributeValue> item) {
        AttributeValue turns = item.get("recent_turns");
        if (turns == null || !turns.hasL()) {
            return java.util.List.of();
        }
        return turns.l().stream().map(v -> new Tree.RecentTurn(v.m().get("user_message").s(), v.m().get("ai_reply").s(),
                java.time.OffsetDateTime.parse(v.m().get("at").s()))).toList();
    }

    static Tree fromItem(String userId, Map<String, AttributeValue> item) {
        return new Tree(userId,
                Attrs.num(item, "total_characters", 0),
                Attrs.num(item, "total_messages", 0),
                Attrs.num(item, "total_fruits", 0),
                date(Attrs.str(item, "last_message_date")),
                date(Attrs.str(item, "last_fruit_date")),
                Attrs.time(item, "created_at"),
                Attrs.time(item, "updated_at"),
                turnsOf(item));
    }

    private static LocalDate date(String value) {
        return value == null || value.isEmpty() ? null : LocalDate.parse(value);
    }
}
