package jp.homebiyori.user;

import io.helidon.microprofile.server.ServerCdiExtension;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jp.homebiyori.client.user.ApiException;
import jp.homebiyori.client.user.api.UsersApi;
import jp.homebiyori.client.user.model.AiCharacter;
import jp.homebiyori.client.user.model.CompleteOnboardingRequest;
import jp.homebiyori.client.user.model.OnboardingStatus;
import jp.homebiyori.client.user.model.PraiseLevel;
import jp.homebiyori.client.user.model.UserProfile;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.domain.stats.StatsRepository;
import jp.homebiyori.domain.subscription.Plan;
import jp.homebiyori.domain.subscription.Subscription;
import jp.homebiyori.domain.subscription.SubscriptionRepository;
import jp.homebiyori.domain.user.UserRepository;
import jp.homebiyori.testkit.ApiClients;
import jp.homebiyori.testkit.RawHttp;
import jp.homebiyori.testkit.TestStack;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import static jp.homebiyori.testkit.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Onboarding status and completion through the generated user-API client, against dynalite. */
@HelidonTest
class OnboardingResourceTest {

    @AddConfigSource
    static ConfigSource config() {
        return TestStack.configSource();
    }

    @Inject
    private ServerCdiExtension server;
    @Inject
    private UserRepository users;
    @Inject
    private SubscriptionRepository subscriptions;
    @Inject
    private StatsRepository stats;
    @Inject
    private JstClock clock;

    private UsersApi api(String sub) {
        return new UsersApi(ApiClients.user(server.port(), TestStack.userToken(sub)));
    }

    private static String newUser() {
        return "u-" + UUID.randomUUID();
    }

    private StatsRepository.Snapshot counters() {
        return stats.snapshot(clock.today());
    }

    private void subscribe(String user, Plan plan, String status, OffsetDateTime periodEnd) {
        subscriptions.saveIfNotOlder(new Subscription(user, "cus_" + user, "sub_" + user, plan, status,
                clock.now().minusDays(1), periodEnd, false, 1, clock.now()));
    }

    private static void assertRule(ApiException e, int status, String code, String rule) {
        var json = assertError(e.getCode(), e.getResponseBody(), status, code);
        if (rule != null) {
            assertThat(json.path("details").path("field").asText()).isEqualTo("nickname");
            assertThat(json.path("details").path("rule").asText()).isEqualTo(rule);
        }
    }

    @Test
    void onboardingStatus_firstCall_createsTheMinimalProfile_once_andSaysOnboardingIsNeeded() throws Exception {
        String user = newUser();
        StatsRepository.Snapshot before = counters();
        OnboardingStatus first = api(user).getOnboardingStatus();
        OnboardingStatus second = api(user).getOnboardingStatus();

        assertThat(first.getUserId()).isEqualTo(user);
        assertThat(first.getNeedsOnboarding()).isTrue();
        assertThat(first.getOnboardingCompleted()).isFalse();
        assertThat(first.getNickname()).isNull();
        assertThat(second.getNeedsOnboarding()).isTrue();
        var stored = users.find(user).orElseThrow();
        assertThat(stored.nickname()).isNull();
        assertThat(stored.onboardingCompleted()).isFalse();
        assertThat(counters().totalUsers()).isEqualTo(before.totalUsers() + 1);
    }

    @Test
    void completeOnboarding_storesTheNormalisedNickname_andChoices_countsOnce_andTwiceIsHarmless() throws Exception {
        String user = newUser();
        api(user).getOnboardingStatus();
        StatsRepository.Snapshot before = counters();

        UserProfile done = api(user).completeOnboarding(new CompleteOnboardingRequest()
                .nickname("　ゆきママ　").aiCharacter(AiCharacter.HIDE).praiseLevel(PraiseLevel.NORMAL));
        assertThat(done.getNickname()).isEqualTo("ゆきママ");
        assertThat(done.getOnboardingCompleted()).isTrue();
        assertThat(done.getAiCharacter()).isEqualTo(AiCharacter.HIDE);
        assertThat(done.getNicknameUpdatedAt()).isNotNull();

        UserProfile again = api(user).completeOnboarding(new CompleteOnboardingRequest().nickname("ゆきママ"));
        assertThat(again.getOnboardingCompleted()).isTrue();
        assertThat(again.getAiCharacter()).isEqualTo(AiCharacter.HIDE);
        assertThat(counters().onboardedUsers()).isEqualTo(before.onboardedUsers() + 1);
        assertThat(counters().totalUsers()).isEqualTo(before.totalUsers());

        OnboardingStatus status = api(user).getOnboardingStatus();
        assertThat(status.getNeedsOnboarding()).isFalse();
        assertThat(status.getNickname()).isEqualTo("ゆきママ");
    }

    @Test
    void completeOnboarding_withoutAStatusCallFirst_createsTheProfile_andCountsBoth() throws Exception {
        String user = newUser();
        StatsRepository.Snapshot before = counters();
        UserProfile done = api(user).completeOnboarding(new CompleteOnboardingRequest().nickname("たろうパパ"));
        assertThat(done.getUserId()).isEqualTo(user);
        assertThat(done.getAiCharacter()).isEqualTo(AiCharacter.TAMA);
        assertThat(done.getPraiseLevel()).isEqualTo(PraiseLevel.NORMAL);
        assertThat(counters().totalUsers()).isEqualTo(before.totalUsers() + 1);
        assertThat(counters().onboardedUsers()).isEqualTo(before.onboardedUsers() + 1);
    }

    @Test
    void completeOnboarding_brokenNickname_returns400NamingTheRule_andStoresNothing() {
        String user = newUser();
        Map<String, String> cases = Map.of(
                "   ", "blank",
                "あ".repeat(21), "length",
                "ゆき\u0007ママ", "control_characters",
                "https://example.com", "url",
                "mama@example.jp", "email",
                "死ね", "denied_word");
        cases.forEach((nickname, rule) -> {
            ApiException e = catchThrowableOfType(ApiException.class,
                    () -> api(user).completeOnboarding(new CompleteOnboardingRequest().nickname(nickname)));
            assertRule(e, 400, "VALIDATION_ERROR", rule);
        });
        assertThat(users.find(user)).isEmpty();
    }

    @Test
    void completeOnboarding_nicknameTooLongForTheSchema_orMissing_orUnknownField_returns400() {
        Map<String, String> auth = RawHttp.bearer(TestStack.userToken(newUser()));
        for (String body : new String[] {"{\"nickname\":\"" + "a".repeat(41) + "\"}", "{}", "{\"nickname\":\"\"}",
                "{\"nickname\":\"ok\",\"email\":\"a@b.jp\"}", "{\"nickname\":\"ok\",\"ai_character\":\"robot\"}"}) {
            assertError(RawHttp.send(server.port(), "POST", "/api/users/complete-onboarding", "application/json", body, auth),
                    400, "VALIDATION_ERROR");
        }
    }

    @Test
    void completeOnboarding_deepOnTheFreePlan_returns403PremiumRequired_andDeepWithPremiumWorks() throws Exception {
        String free = newUser();
        ApiException e = catchThrowableOfType(ApiException.class, () -> api(free).completeOnboarding(
                new CompleteOnboardingRequest().nickname("みほ").praiseLevel(PraiseLevel.DEEP)));
        assertRule(e, 403, "PREMIUM_REQUIRED", null);
        assertThat(users.find(free)).isEmpty();

        String premium = newUser();
        subscribe(premium, Plan.YEARLY, "active", clock.now().plusYears(1));
        UserProfile done = api(premium).completeOnboarding(
                new CompleteOnboardingRequest().nickname("みほ").praiseLevel(PraiseLevel.DEEP));
        assertThat(done.getPraiseLevel()).isEqualTo(PraiseLevel.DEEP);
    }
}
