package jp.homebiyori.domain.user.dynamo;

import jp.homebiyori.common.db.Attrs;
import jp.homebiyori.common.db.Table;
import jp.homebiyori.domain.character.AiCharacter;
import jp.homebiyori.domain.character.Mood;
import jp.homebiyori.domain.character.PraiseLevel;
import jp.homebiyori.domain.user.UserProfile;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.Map;

/** The stored shape of a profile: {@code USER#<id>} / {@code PROFILE}. */
final class UserItem {

    static final String USER_PREFIX = "USER#";
    static final String PROFILE = "PROFILE";

    private UserItem() {
    }

    static Map<String, AttributeValue> key(String userId) {
        return Map.of(Table.PK, Attrs.s(USER_PREFIX + userId), Table.SK, Attrs.s(PROFILE));
    }

    static Map<String, AttributeValue> toItem(UserProfile p) {
        Map<String, AttributeValue> item = new HashMap<>(key(p.userId()));
        item.put("user_id", Attrs.s(p.userId()));
        Attrs.putIfPresent(item, "nickname", p.nickname());
        item.put("ai_character", Attrs.s(p.aiCharacter().id()));
        item.put("praise_level", Attrs.s(p.praiseLevel().id()));
        item.put("mood", Attrs.s(p.mood().id()));
        item.put("onboarding_completed", Attrs.bool(p.onboardingCompleted()));
        item.put("created_at", Attrs.time(p.createdAt()));
        item.put("updated_at", Attrs.time(p.updatedAt()));
        Attrs.putIfPresent(item, "nickname_updated_at", p.nicknameUpdatedAt());
        return item;
    }

    static UserProfile fromItem(Map<String, AttributeValue> item) {
        return new UserProfile(
                Attrs.str(item, "user_id"),
                Attrs.str(item, "nickname"),
                AiCharacter.fromId(Attrs.str(item, "ai_character")).orElse(AiCharacter.defaultCharacter()),
                PraiseLevel.fromId(Attrs.str(item, "praise_level")).orElse(PraiseLevel.NORMAL),
                Mood.fromId(Attrs.str(item, "mood")).orElse(Mood.PRAISE),
                Attrs.bool(item, "onboarding_completed", false),
                Attrs.time(item, "created_at"),
                Attrs.time(item, "updated_at"),
                Attrs.time(item, "nickname_updated_at"));
    }

    static boolean isProfile(Map<String, AttributeValue> item) {
        return PROFILE.equals(Attrs.str(item, Table.SK));
    }
}
