package jp.homebiyori.domain.user;

import jp.homebiyori.domain.character.AiCharacter;
import jp.homebiyori.domain.character.Mood;
import jp.homebiyori.domain.character.PraiseLevel;

import java.time.OffsetDateTime;

/**
 * A user's profile: the Cognito {@code sub} and a nickname — nothing else that identifies a person —
 * plus their chosen character, praise level and current mood.
 */
public record UserProfile(String userId, String nickname, AiCharacter aiCharacter, PraiseLevel praiseLevel,
                          Mood mood, boolean onboardingCompleted, OffsetDateTime createdAt,
                          OffsetDateTime updatedAt, OffsetDateTime nicknameUpdatedAt) {

    /** The minimal profile created on a user's first call: no nickname, defaults, not onboarded. */
    public static UserProfile initial(String userId, OffsetDateTime now) {
        return new UserProfile(userId, null, AiCharacter.defaultCharacter(), PraiseLevel.NORMAL, Mood.PRAISE,
                false, now, now, null);
    }
}
