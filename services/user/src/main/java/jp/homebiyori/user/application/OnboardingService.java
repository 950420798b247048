package jp.homebiyori.user.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.domain.stats.StatsRepository;
import jp.homebiyori.domain.user.UserProfile;
import jp.homebiyori.domain.user.UserRepository;
import jp.homebiyori.domain.user.UserRepository.ProfileChange;

import java.util.logging.Logger;

/**
 * Onboarding: the status call creates the minimal profile on a user's first call; completing sets the
 * nickname (and optionally character and praise level) and marks the profile onboarded. Completing
 * again is harmless: it applies the values again and counts nothing twice.
 */
@ApplicationScoped
public class OnboardingService {

    private static final Logger LOG = Logger.getLogger(OnboardingService.class.getName());

    private final UserProfiles profiles;
    private final UserRepository users;
    private final StatsRepository stats;
    private final JstClock clock;

    @Inject
    public OnboardingService(UserProfiles profiles, UserRepository users, StatsRepository stats, JstClock clock) {
        this.profiles = profiles;
        this.users = users;
        this.stats = stats;
        this.clock = clock;
    }

    public UserProfile status(String userId) {
        return profiles.ensure(userId);
    }

    public UserProfile complete(String userId, ProfileEdit edit) {
        ProfileChange change = profiles.checked(userId, edit);
        profiles.ensure(userId);
        users.update(userId, change, clock.now()).orElseThrow(UserProfiles::onboardingRequired);
        if (users.markOnboardingCompleted(userId, clock.now())) {
            stats.userOnboarded();
            LOG.info("onboarding completed by user " + userId);
        }
        return profiles.require(userId);
    }
}
