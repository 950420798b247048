package jp.homebiyori.domain.chat;

import jp.homebiyori.domain.character.AiCharacter;
import jp.homebiyori.domain.character.Emotion;
import jp.homebiyori.domain.character.Mood;
import jp.homebiyori.domain.character.PraiseLevel;
import jp.homebiyori.domain.subscription.Plan;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One exchange: the user's message (or emotion stamp) and the characters' replies, with what it did
 * to the tree. It expires at {@code ttlEpochSeconds} (created_at + the plan's retention).
 */
public record ChatMessage(String userId, String chatId, ChatType chatType, String userMessage,
                          List<CharacterReply> replies, AiCharacter aiCharacter, Mood mood, PraiseLevel praiseLevel,
                          Emotion detectedEmotion, boolean fruitGenerated, int growthPointsGained,
                          int treeStageAtTime, Plan subscriptionPlan, OffsetDateTime createdAt, long ttlEpochSeconds) {

    /** Individual (one character), group (several, premium) or a lone emotion stamp. */
    public enum ChatType {
        INDIVIDUAL("individual"), GROUP("group"), EMOTION_STAMP("emotion_stamp");

        private final String id;

        ChatType(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static ChatType fromId(String id) {
            for (ChatType t : values()) {
                if (t.id.equals(id)) {
                    return t;
                }
            }
            return INDIVIDUAL;
        }
    }

    /** One character's reply. */
    public record CharacterReply(AiCharacter character, String text) {
    }

    public boolean expiredAt(Instant now) {
        return ttlEpochSeconds <= now.getEpochSecond();
    }

    /** The TTL of a chat created at {@code createdAt} under {@code plan}. */
    public static long ttlFor(OffsetDateTime createdAt, Plan plan) {
        return createdAt.toInstant().plus(java.time.Duration.ofDays(plan.chatRetentionDays())).getEpochSecond();
    }
}
