package jp.homebiyori.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.domain.character.Mood;
import jp.homebiyori.domain.stats.StatsRepository;
import jp.homebiyori.domain.user.UserProfile;
import jp.homebiyori.domain.user.UserRepository;

import java.time.OffsetDateTime;

/** The mood used when a message names none, stored on the profile (created minimal if absent). */
@ApplicationScoped
public class MoodService {

    private final UserRepository users;
    private final StatsRepository stats;
    private final JstClock clock;

    @Inject
    public MoodService(UserRepository users, StatsRepository stats, JstClock clock) {
        this.users = users;
        this.stats = stats;
        this.clock = clock;
    }

    public OffsetDateTime set(String userId, Mood mood) {
        OffsetDateTime now = clock.now();
        return users.update(userId, UserRepository.ProfileChange.mood(mood), now)
                .or(() -> {
                    if (users.insertIfAbsent(UserProfile.initial(userId, now))) {
                        stats.userCreated();
                    }
                    return users.update(userId, UserRepository.ProfileChange.mood(mood), now);
                })
                .map(UserProfile::updatedAt)
                .orElse(now);
    }
}
