package jp.homebiyori.user.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.homebiyori.common.error.ApiException;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.domain.stats.StatsRepository;
import jp.homebiyori.domain.subscription.SubscriptionRepository;
import jp.homebiyori.domain.user.UserProfile;
import jp.homebiyori.domain.user.UserRepository;
import jp.homebiyori.domain.user.UserRepository.ProfileChange;
import jp.homebiyori.user.domain.NicknamePolicy;

import java.util.logging.Logger;

/**
 * The profile rules shared by the use cases: the lazy creation of the minimal profile (counted once),
 * "no profile yet" as 404 {@code ONBOARDING_REQUIRED}, and turning an edit into a checked change
 * (nickname policy → 400, deep mode without a premium plan → 403 {@code PREMIUM_REQUIRED}).
 */
@ApplicationScoped
public class UserProfiles {

    public static final String ONBOARDING_REQUIRED = "ONBOARDING_REQUIRED";
    private static final Logger LOG = Logger.getLogger(UserProfiles.class.getName());

    private final UserRepository users;
    private final SubscriptionRepository subscriptions;
    private final StatsRepository stats;
    private final JstClock clock;

    @Inject
    public UserProfiles(UserRepository users, SubscriptionRepository subscriptions, StatsRepository stats, JstClock clock) {
        this.users = users;
        this.subscriptions = subscriptions;
        this.stats = stats;
        this.clock = clock;
    }

    /**
     * The user's profile, created now (nothing personal, not onboarded) if the user has none. A token of a
     * deleted account never gets here (DeletedAccountFilter answers 401), so a gone account is not recreated.
     */
    public UserProfile ensure(String userId) {
        return users.find(userId).orElseGet(() -> {
            UserProfile initial = UserProfile.initial(userId, clock.now());
            if (users.insertIfAbsent(initial)) {
                stats.userCreated();
                LOG.info("profile created for user " + userId);
                return initial;
            }
            return users.find(userId).orElse(initial);
        });
    }

    /** The user's profile; 404 {@code ONBOARDING_REQUIRED} if there is none. */
    public UserProfile require(String userId) {
        return users.find(userId).orElseThrow(UserProfiles::onboardingRequired);
    }

    /** The change an edit makes, after the nickname policy and the premium gate. */
    public ProfileChange checked(String userId, ProfileEdit edit) {
        String nickname = edit.nickname() == null ? null : NicknamePolicy.accept(edit.nickname());
        if (edit.praiseLevel() != null && edit.praiseLevel().needsPremium()
                && !subscriptions.findOrFree(userId).isPremiumAt(clock.instant())) {
            throw ApiException.premiumRequired("deep_mode");
        }
        return new ProfileChange(nickname, edit.aiCharacter(), edit.praiseLevel(), null, null);
    }

    public static ApiException onboardingRequired() {
        return new ApiException(404, ONBOARDING_REQUIRED,
                "this user has no profile yet: call GET /api/users/onboarding-status and complete onboarding");
    }
}
