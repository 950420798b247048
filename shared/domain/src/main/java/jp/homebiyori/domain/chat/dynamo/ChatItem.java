package jp.homebiyori.domain.chat.dynamo;

import jp.homebiyori.common.db.Attrs;
import jp.homebiyori.common.db.Table;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.domain.character.AiCharacter;
import jp.homebiyori.domain.character.Emotion;
import jp.homebiyori.domain.character.Mood;
import jp.homebiyori.domain.character.PraiseLevel;
import jp.homebiyori.domain.chat.ChatMessage;
import jp.homebiyori.domain.chat.ChatRepository.ChatKey;
import jp.homebiyori.domain.subscription.Plan;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code USER#<id>} / {@code CHAT#<created_at>#<chat id>} (the id suffix keeps two messages of the
 * same millisecond apart); GSI1 {@code CHAT#<chat id>} / created_at; {@code TTL} in epoch seconds.
 */
final class ChatItem {

    private ChatItem() {
    }

    static AttributeValue userKey(String userId) {
        return Attrs.s("USER#" + userId);
    }

    static AttributeValue sortKeyPrefix() {
        return Attrs.s("CHAT#");
    }

    static AttributeValue sortKeyAt(String isoTime) {
        return Attrs.s("CHAT#" + isoTime);
    }

    static Map<String, AttributeValue> key(ChatKey key) {
        return Map.of(Table.PK, userKey(key.userId()), Table.SK, Attrs.s(key.sortKey()));
    }

    static Map<String, AttributeValue> toItem(ChatMessage m) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Table.PK, userKey(m.userId()));
        item.put(Table.SK, Attrs.s("CHAT#" + JstClock.format(m.createdAt()) + "#" + m.chatId()));
        item.put(Table.GSI1PK, Attrs.s("CHAT#" + m.chatId()));
        item.put(Table.GSI1SK, Attrs.time(m.createdAt()));
        item.put("user_id", Attrs.s(m.userId()));
        item.put("chat_id", Attrs.s(m.chatId()));
        item.put("chat_type", Attrs.s(m.chatType().id()));
        item.put("user_message", Attrs.s(m.userMessage()));
        item.put("ai_response", Attrs.s(m.replies().isEmpty() ? "" : m.replies().get(0).text()));
        item.put("ai_responses", AttributeValue.fromL(m.replies().stream()
                .map(r -> AttributeValue.fromM(Map.of("ai_character", Attrs.s(r.character().id()), "text", Attrs.s(r.text()))))
                .toList()));
        item.put("ai_character", Attrs.s(m.aiCharacter().id()));
        item.put("mood", Attrs.s(m.mood().id()));
        item.put("praise_level", Attrs.s(m.praiseLevel().id()));
        if (m.detectedEmotion() != null) {
            item.put("detected_emotions", Attrs.strings(List.of(m.detectedEmotion().id())));
        }
        item.put("new_fruits_generated", Attrs.n(m.fruitGenerated() ? 1 : 0));
        item.put("growth_points_gained", Attrs.n(m.growthPointsGained()));
        item.put("tree_stage_at_time", Attrs.n(m.treeStageAtTime()));
        item.put("subscription_plan", Attrs.s(m.subscriptionPlan().id()));
        item.put("created_at", Attrs.time(m.createdAt()));
        item.put(Table.TTL, Attrs.n(m.ttlEpochSeconds()));
        return item;
    }

    static ChatMessage fromItem(Map<String, AttributeValue> item) {
        List<ChatMessage.CharacterReply> replies = item.containsKey("ai_responses")
                ? item.get("ai_responses").l().stream().map(v -> new ChatMessage.CharacterReply(
                        AiCharacter.fromId(v.m().get("ai_character").s()).orElse(AiCharacter.defaultCharacter()),
                        v.m().get("text").s())).toList()
                : List.of();
        List<String> emotions = Attrs.strings(item, "detected_emotions");
        return new ChatMessage(
                Attrs.str(item, "user_id"),
                Attrs.str(item, "chat_id"),
                ChatMessage.ChatType.fromId(Attrs.str(item, "chat_type")),
                Attrs.str(item, "user_message"),
                replies,
                AiCharacter.fromId(Attrs.str(item, "ai_character")).orElse(AiCharacter.defaultCharacter()),
                Mood.fromId(Attrs.str(item, "mood")).orElse(Mood.PRAISE),
                PraiseLevel.fromId(Attrs.str(item, "praise_level")).orElse(PraiseLevel.NORMAL),
                emotions.isEmpty() ? null : Emotion.fromId(emotions.get(0)).orElse(null),
                Attrs.num(item, "new_fruits_generated", 0) > 0,
                (int) Attrs.num(item, "growth_points_gained", 0),
                (int) Attrs.num(item, "tree_stage_at_time", 1),
                Plan.fromId(Attrs.str(item, "subscription_plan")).orElse(Plan.FREE),
                Attrs.time(item, "created_at"),
                Attrs.num(item, Table.TTL, 0));
    }

    static ChatKey keyOf(Map<String, AttributeValue> item) {
        return new ChatKey(Attrs.str(item, "user_id"), Attrs.str(item, Table.SK), Attrs.time(item, "created_at"));
    }
}
