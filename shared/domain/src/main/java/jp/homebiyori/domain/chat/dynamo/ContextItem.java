package jp.homebiyori.domain.chat.dynamo;

import jp.homebiyori.common.db.Attrs;
import jp.homebiyori.common.db.Table;
import jp.homebiyori.domain.chat.ConversationContext;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code USER#<id>} / {@code CONTEXT} in the chats table: the conversation context, {@code turns} (oldest
 * first: user_message, ai_reply, at), {@code updated_at} (the newest turn's time: the version the
 * ttl-updater's rewrite is conditional on) and {@code TTL} (the oldest turn's chat expiry). Its sort key
 * is outside {@code CHAT#}, so chat listings and the TTL rewrite's key pages never see it; it has no GSI1 key.
 */
final class ContextItem {

    static final String SORT_KEY = "CONTEXT";

    private ContextItem() {
    }

    static Map<String, AttributeValue> key(String userId) {
        return Map.of(Table.PK, ChatItem.userKey(userId), Table.SK, Attrs.s(SORT_KEY));
    }

    static AttributeValue turns(List<ConversationContext.Turn> turns) {
        return AttributeValue.fromL(turns.stream().map(t -> AttributeValue.fromM(Map.of(
                "user_message", Attrs.s(t.userMessage()), "ai_reply", Attrs.s(t.aiReply()), "at", Attrs.time(t.at())))).toList());
    }

    static Map<String, AttributeValue> toItem(ConversationContext context) {
        Map<String, AttributeValue> item = new HashMap<>(key(context.userId()));
        item.put("user_id", Attrs.s(context.userId()));
        item.put("turns", turns(context.turns()));
        item.put("updated_at", Attrs.time(newest(context)));
        item.put(Table.TTL, Attrs.n(context.ttlEpochSeconds()));
        return item;
    }

    static OffsetDateTime newest(ConversationContext context) {
        return context.turns().get(context.turns().size() - 1).at();
    }

    static ConversationContext fromItem(String userId, Map<String, AttributeValue> item) {
        AttributeValue turns = item.get("turns");
        List<ConversationContext.Turn> list = turns == null || !turns.hasL() ? List.of() : turns.l().stream()
                .map(v -> new ConversationContext.Turn(v.m().get("user_message").s(), v.m().get("ai_reply").s(),
                        OffsetDateTime.parse(v.m().get("at").s())))
                .toList();
        return new ConversationContext(userId, list, Attrs.num(item, Table.TTL, 0));
    }
}
