package jp.homebiyori.domain.tree.dynamo;

import jp.homebiyori.common.db.Attrs;
import jp.homebiyori.common.db.Table;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.domain.character.AiCharacter;
import jp.homebiyori.domain.character.Emotion;
import jp.homebiyori.domain.tree.Fruit;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.Map;

/** {@code USER#<id>} / {@code FRUIT#<created_at>}; GSI1 {@code FRUIT#<fruit id>} / created_at. */
final class FruitItem {

    private FruitItem() {
    }

    static AttributeValue userKey(String userId) {
        return Attrs.s("USER#" + userId);
    }

    static AttributeValue fruitKey(String fruitId) {
        return Attrs.s("FRUIT#" + fruitId);
    }

    static AttributeValue sortKeyPrefix() {
        return Attrs.s("FRUIT#");
    }

    static Map<String, AttributeValue> key(Fruit fruit) {
        return Map.of(Table.PK, userKey(fruit.userId()), Table.SK, Attrs.s("FRUIT#" + JstClock.format(fruit.createdAt())));
    }

    static Map<String, AttributeValue> toItem(Fruit f) {
        Map<String, AttributeValue> item = new HashMap<>(key(f));
        item.put(Table.GSI1PK, fruitKey(f.fruitId()));
        item.put(Table.GSI1SK, Attrs.time(f.createdAt()));
        item.put("user_id", Attrs.s(f.userId()));
        item.put("fruit_id", Attrs.s(f.fruitId()));
        item.put("user_message", Attrs.s(f.userMessage()));
        item.put("ai_response", Attrs.s(f.aiResponse()));
        item.put("ai_character", Attrs.s(f.aiCharacter().id()));
        item.put("detected_emotion", Attrs.s(f.emotion().id()));
        item.put("fruit_color", Attrs.s(f.color()));
        item.put("created_at", Attrs.time(f.createdAt()));
        item.put("view_count", Attrs.n(f.viewCount()));
        Attrs.putIfPresent(item, "first_viewed_at", f.firstViewedAt());
        return item;
    }

    static Fruit fromItem(Map<String, AttributeValue> item) {
        return new Fruit(
                Attrs.str(item, "user_id"),
                Attrs.str(item, "fruit_id"),
                Attrs.str(item, "user_message"),
                Attrs.str(item, "ai_response"),
                AiCharacter.fromId(Attrs.str(item, "ai_character")).orElse(AiCharacter.defaultCharacter()),
                Emotion.fromId(Attrs.str(item, "detected_emotion")).orElse(Emotion.JOY),
                Attrs.str(item, "fruit_color"),
                Attrs.time(item, "created_at"),
                (int) Attrs.num(item, "view_count", 0),
                Attrs.time(item, "first_viewed_at"));
    }
}
