package jp.homebiyori.domain.user;

import jp.homebiyori.common.db.Page;
import jp.homebiyori.domain.character.AiCharacter;
import jp.homebiyori.domain.character.Mood;
import jp.homebiyori.domain.character.PraiseLevel;

import java.time.OffsetDateTime;
import java.util.Optional;

/** Profiles in the users table. */
public interface UserRepository {

    Optional<UserProfile> find(String userId);

    /** Stores {@code profile} unless the user already has one; returns the stored profile either way. */
    UserProfile createIfAbsent(UserProfile profile);

    /**
     * Stores {@code profile} unless the user already has one; true if this call stored it. Of concurrent
     * callers exactly one gets true, so "a profile was created" can be counted once.
     */
    boolean insertIfAbsent(UserProfile profile);

    /**
     * Sets {@code onboarding_completed} of an existing profile; true only for the call that changed it
     * from false to true (false if it was already completed or there is no profile), so "a user
     * completed onboarding" can be counted once.
     */
    boolean markOnboardingCompleted(String userId, OffsetDateTime now);

    /**
     * Sets the given fields (null: unchanged) of an existing profile and returns the result;
     * empty if the user has no profile.
     */
    Optional<UserProfile> update(String userId, ProfileChange change, OffsetDateTime now);

    void delete(String userId);

    /**
     * Deletes the profile and returns it as it was, if this call deleted it: of concurrent callers at
     * most one gets it, so "an account was deleted" can be counted once. Empty if there was none.
     */
    Optional<UserProfile> deleteIfPresent(String userId);

    /** All profiles, a page at a time (admin listing). */
    Page<UserProfile> list(int limit, String nextToken);

    /** Fields a profile update may set; null means "leave as it is". */
    record ProfileChange(String nickname, AiCharacter aiCharacter, PraiseLevel praiseLevel, Mood mood,
                         Boolean onboardingCompleted) {

        public static ProfileChange nickname(String nickname) {
            return new ProfileChange(nickname, null, null, null, null);
        }

        public static ProfileChange mood(Mood mood) {
            return new ProfileChange(null, null, null, mood, null);
        }

        public boolean isEmpty() {
            return nickname == null && aiCharacter == null && praiseLevel == null && mood == null
                    && onboardingCompleted == null;
        }
    }
}
