package jp.homebiyori.local;

import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jp.homebiyori.chat.ChatService;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.common.auth.DeletedAccounts;
import jp.homebiyori.domain.character.AiCharacter;
import jp.homebiyori.domain.character.Mood;
import jp.homebiyori.domain.character.PraiseLevel;
import jp.homebiyori.domain.chat.ChatMessage;
import jp.homebiyori.domain.chat.ChatMessage.ChatType;
import jp.homebiyori.domain.notification.Notification;
import jp.homebiyori.domain.notification.NotificationType;
import jp.homebiyori.domain.stats.StatsRepository;
import jp.homebiyori.domain.user.UserProfile;
import jp.homebiyori.domain.user.UserRepository;
import jp.homebiyori.notification.NotificationService;
import jp.homebiyori.testkit.TestStack;
import jp.homebiyori.testkit.time.SimulatedClock;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Days, not just months: the backend's one clock (moved by the test, see testkit's SimulatedClock,
 * installed in this module by META-INF/services) drives the JST day rollovers — one fruit per JST day,
 * the dashboard's daily counters, seven-day active users — and every expiry: chat retention, the 90
 * days of a notification, the deleted-account marker.
 */
@HelidonTest
class SimulatedDaysTest {

    private static final SimulatedClock CLOCK = SimulatedClock.SHARED;
    private static final String MOVING = "今日は子どもと公園に行けて本当に嬉しかった！ずっと疲れていたけど、自分もちゃんと頑張ったなと思えて、すごく幸せな気持ちになりました。";

    @AddConfigSource
    static ConfigSource config() {
        LocalServices.issuer(TestStack.issuer());
        return TestStack.configSource(TestStack.internalApiAndQueue("days").config());
    }

    @Inject
    private ChatService chats;
    @Inject
    private StatsRepository stats;
    @Inject
    private UserRepository users;
    @Inject
    private NotificationService notifications;
    @Inject
    private DeletedAccounts deletedAccounts;
    @Inject
    private JstClock clock;

    @AfterEach
    void releaseClock() {
        CLOCK.followSystem();
    }

    private static void standAtJst(String localDateTime) {
        CLOCK.set(LocalDateTime.parse(localDateTime).atZone(JstClock.JST).toInstant());
    }

    private String onboardedUser() {
        String user = "days-" + UUID.randomUUID();
        users.createIfAbsent(UserProfile.initial(user, clock.now()));
        users.markOnboardingCompleted(user, clock.now());
        return user;
    }

    private ChatService.Sent send(String user) {
        return chats.send(user, MOVING, AiCharacter.TAMA, Mood.PRAISE, PraiseLevel.NORMAL, ChatType.INDIVIDUAL);
    }

    @Test
    void atJstMidnight_aNewFruitDay_andTheDashboardsDailyCountersStartAgain() {
        standAtJst("2027-03-09T23:59:58");
        String user = onboardedUser();
        assertThat(clock.today()).isEqualTo(LocalDate.of(2027, 3, 9));
        assertThat(send(user).fruit()).as("the day's first moving message").isPresent();
        standAtJst("2027-03-09T23:59:59.900");
        assertThat(send(user).fruit()).as("a second one before midnight").isEmpty();
        StatsRepository.Snapshot lateOnThe9th = stats.snapshot(clock.today());
        assertThat(lateOnThe9th.messagesToday()).isEqualTo(2);
        assertThat(lateOnThe9th.fruitsToday()).isEqualTo(1);

        standAtJst("2027-03-10T00:00:00");
        assertThat(stats.snapshot(clock.today()).messagesToday()).as("a new JST day counts from zero").isZero();
        assertThat(send(user).fruit()).as("the first message of the new JST day").isPresent();
        StatsRepository.Snapshot the10th = stats.snapshot(clock.today());
        assertThat(the10th.messagesToday()).isEqualTo(1);
        assertThat(the10th.fruitsToday()).isEqualTo(1);
        // 00:00 JST is 15:00 UTC of the day before: the UTC date is not the day
        assertThat(CLOCK.instant()).isEqualTo(Instant.parse("2027-03-09T15:00:00Z"));
    }

    @Test
    void anActiveUser_countsForSevenJstDays_thenNoLonger() {
        standAtJst("2027-05-01T10:00:00");
        String user = onboardedUser();
        send(user);
        assertThat(stats.snapshot(clock.today()).activeUsers7d()).isEqualTo(1);
        standAtJst("2027-05-07T23:59:59");
        assertThat(stats.snapshot(clock.today()).activeUsers7d()).as("the seventh day").isEqualTo(1);
        standAtJst("2027-05-08T00:00:00");
        assertThat(stats.snapshot(clock.today()).activeUsers7d()).as("the eighth day").isZero();
    }

    @Test
    void expiries_aFreeChatAfter30Days_aNotificationAfter90_theDeletionMarkerAfter24Hours() {
        standAtJst("2027-08-20T12:00:00");
        Instant t0 = CLOCK.instant();
        String user = onboardedUser();
        ChatMessage chat = send(user).chat();
        assertThat(chat.ttlEpochSeconds()).isEqualTo(t0.plus(Duration.ofDays(30)).getEpochSecond());
        notifications.create(new NotificationService.NewNotification(user, NotificationType.PLAN_CHANGED, "t", "m",
                Notification.Priority.NORMAL, null, "days-" + user), "test");

        CLOCK.set(t0.plus(Duration.ofDays(30)).minusSeconds(1));
        assertThat(chats.history(user, 20, null, null, null, null).items()).hasSize(1);
        CLOCK.set(t0.plus(Duration.ofDays(30)));
        assertThat(chats.history(user, 20, null, null, null, null).items()).as("past its retention").isEmpty();

        CLOCK.set(t0.plus(Duration.ofDays(90)).minusSeconds(1));
        assertThat(notifications.list(user, 20, null, false).items()).hasSize(1);
        CLOCK.set(t0.plus(Duration.ofDays(90)));
        assertThat(notifications.list(user, 20, null, false).items()).as("after 90 days").isEmpty();

        Instant deletedAt = CLOCK.instant();
        deletedAccounts.mark(user, deletedAt);
        CLOCK.set(deletedAt.plus(Duration.ofHours(24)).minusSeconds(1));
        assertThat(deletedAccounts.deletedAt(user)).contains(Instant.ofEpochMilli(deletedAt.toEpochMilli()));
        CLOCK.set(deletedAt.plus(Duration.ofHours(24)));
        assertThat(deletedAccounts.deletedAt(user)).as("the marker outlives no token").isEmpty();
    }
}
