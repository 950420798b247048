package jp.homebiyori.user.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.homebiyori.common.error.ApiException;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.domain.user.UserProfile;
import jp.homebiyori.domain.user.UserRepository;

/**
 * Reading and changing an existing profile. Without a profile (never onboarded, or deleted) every
 * operation is a 404 {@code ONBOARDING_REQUIRED}: only the onboarding calls create one.
 */
@ApplicationScoped
public class ProfileService {

    private final UserProfiles profiles;
    private final UserRepository users;
    private final JstClock clock;

    @Inject
    public ProfileService(UserProfiles profiles, UserRepository users, JstClock clock) {
        this.profiles = profiles;
        this.users = users;
        this.clock = clock;
    }

    public UserProfile get(String userId) {
        return profiles.require(userId);
    }

    /** Sets the given fields; at least one is needed (the spec's {@code minProperties: 1}). */
    public UserProfile update(String userId, ProfileEdit edit) {
        if (edit.isEmpty()) {
            throw ApiException.validation("body", "min_properties",
                    "give at least one of nickname, ai_character, praise_level");
        }
        UserRepository.ProfileChange change = profiles.checked(userId, edit);
        return users.update(userId, change, clock.now()).orElseThrow(UserProfiles::onboardingRequired);
    }
}
