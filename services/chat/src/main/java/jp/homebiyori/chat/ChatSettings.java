package jp.homebiyori.chat;

import jp.homebiyori.common.error.ApiException;
import jp.homebiyori.domain.character.AiCharacter;
import jp.homebiyori.domain.character.Mood;
import jp.homebiyori.domain.character.PraiseLevel;
import jp.homebiyori.domain.chat.ChatMessage.ChatType;
import jp.homebiyori.domain.subscription.Plan;
import jp.homebiyori.domain.user.UserProfile;

import java.util.List;
import java.util.Optional;

/**
 * The character, mood, level and answering characters of one message: what the request names, else
 * the user's profile, else the defaults. Group chat and an explicit deep level need premium (403
 * {@code PREMIUM_REQUIRED}); a deep level stored in the profile falls back to normal once premium ends.
 */
public record ChatSettings(AiCharacter character, Mood mood, PraiseLevel level, ChatType type, List<AiCharacter> characters) {

    public static ChatSettings resolve(Optional<UserProfile> profile, Plan plan, AiCharacter character, Mood mood,
                                       PraiseLevel level, ChatType type) {
        boolean premium = plan.isPremium();
        ChatType chatType = type == null ? ChatType.INDIVIDUAL : type;
        if (chatType == ChatType.GROUP && !premium) {
            throw ApiException.premiumRequired("group chat");
        }
        if (level == PraiseLevel.DEEP && !premium) {
            throw ApiException.premiumRequired("deep praise level");
        }
        AiCharacter chosen = character != null ? character
                : profile.map(UserProfile::aiCharacter).orElse(AiCharacter.defaultCharacter());
        Mood chosenMood = mood != null ? mood : profile.map(UserProfile::mood).orElse(Mood.PRAISE);
        PraiseLevel chosenLevel = level != null ? level : profile.map(UserProfile::praiseLevel).orElse(PraiseLevel.NORMAL);
        if (chosenLevel == PraiseLevel.DEEP && !premium) {
            chosenLevel = PraiseLevel.NORMAL;
        }
        List<AiCharacter> answering = chatType == ChatType.GROUP ? groupOrder(chosen) : List.of(chosen);
        return new ChatSettings(chosen, chosenMood, chosenLevel, chatType, answering);
    }

    /** The chosen character first, then the others in their usual order. */
    private static List<AiCharacter> groupOrder(AiCharacter first) {
        List<AiCharacter> order = new java.util.ArrayList<>(List.of(first));
        for (AiCharacter c : AiCharacter.values()) {
            if (c != first) {
                order.add(c);
            }
        }
        return order;
    }
}
