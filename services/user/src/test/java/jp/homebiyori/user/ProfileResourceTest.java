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
import jp.homebiyori.client.user.model.UpdateNicknameRequest;
import jp.homebiyori.client.user.model.UpdateProfileRequest;
import jp.homebiyori.client.user.model.UserProfile;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.domain.subscription.Plan;
import jp.homebiyori.domain.subscription.Subscription;
import jp.homebiyori.domain.subscription.SubscriptionRepository;
import jp.homebiyori.domain.user.UserRepository;
import jp.homebiyori.testkit.ApiClients;
import jp.homebiyori.testkit.Concurrently;
import jp.homebiyori.testkit.RawHttp;
import jp.homebiyori.testkit.TestStack;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static jp.homebiyori.testkit.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Profile, nickname, object-level authorisation and the plain deletion path through the generated user-API client. */
@HelidonTest
class ProfileResourceTest {

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
    private JstClock clock;

    private UsersApi api(String sub) {
        return new UsersApi(ApiClients.user(server.port(), TestStack.userToken(sub)));
    }

    private static String newUser() {
        return "u-" + UUID.randomUUID();
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
    void getProfile_withoutProfile_returns404OnboardingRequired_andAfterOnboardingShowsIt() throws Exception {
        String user = newUser();
        ApiException e = catchThrowableOfType(ApiException.class, () -> api(user).getProfile());
        assertRule(e, 404, "ONBOARDING_REQUIRED", null);
        assertThat(users.find(user)).as("reading never creates a profile").isEmpty();

        api(user).completeOnboarding(new CompleteOnboardingRequest().nickname("さくら").aiCharacter(AiCharacter.MADOKA));
        UserProfile profile = api(user).getProfile();
        assertThat(profile.getUserId()).isEqualTo(user);
        assertThat(profile.getNickname()).isEqualTo("さくら");
        assertThat(profile.getAiCharacter()).isEqualTo(AiCharacter.MADOKA);
        assertThat(profile.getCreatedAt().getOffset().getTotalSeconds()).isEqualTo(9 * 3600);
    }

    @Test
    void updateProfile_changesOnlyTheGivenFields() throws Exception {
        String user = newUser();
        api(user).completeOnboarding(new CompleteOnboardingRequest().nickname("はな"));
        UserProfile changed = api(user).updateProfile(new UpdateProfileRequest().aiCharacter(AiCharacter.HIDE));
        assertThat(changed.getAiCharacter()).isEqualTo(AiCharacter.HIDE);
        assertThat(changed.getNickname()).isEqualTo("はな");
        assertThat(changed.getPraiseLevel()).isEqualTo(PraiseLevel.NORMAL);

        UserProfile renamed = api(user).updateProfile(new UpdateProfileRequest().nickname(" ﾊﾅ "));
        assertThat(renamed.getNickname()).isEqualTo("ハナ");
        assertThat(renamed.getAiCharacter()).isEqualTo(AiCharacter.HIDE);
    }

    @Test
    void parallelUpdates_ofDifferentFields_loseNoUpdate() throws Exception {
        String user = newUser();
        api(user).completeOnboarding(new CompleteOnboardingRequest().nickname("はじめ"));
        subscribe(user, Plan.MONTHLY, "active", clock.now().plusDays(10));
        AiCharacter[] characters = AiCharacter.values();
        PraiseLevel[] levels = PraiseLevel.values();
        for (int round = 0; round < 12; round++) {
            String nickname = "なまえ" + round;
            AiCharacter character = characters[round % characters.length];
            PraiseLevel level = levels[round % levels.length];
            Concurrently.all(List.<java.util.concurrent.Callable<UserProfile>>of(
                    () -> api(user).updateNickname(new UpdateNicknameRequest().nickname(nickname)),
                    () -> api(user).updateProfile(new UpdateProfileRequest().aiCharacter(character)),
                    () -> api(user).updateProfile(new UpdateProfileRequest().praiseLevel(level))));
            UserProfile now = api(user).getProfile();
            assertThat(now.getNickname()).as("round %d", round).isEqualTo(nickname);
            assertThat(now.getAiCharacter()).as("round %d", round).isEqualTo(character);
            assertThat(now.getPraiseLevel()).as("round %d", round).isEqualTo(level);
        }
    }

    @Test
    void updateProfile_deep_needsAnEntitledPremiumPlan() throws Exception {
        String user = newUser();
        api(user).completeOnboarding(new CompleteOnboardingRequest().nickname("りん"));
        ApiException free = catchThrowableOfType(ApiException.class,
                () -> api(user).updateProfile(new UpdateProfileRequest().praiseLevel(PraiseLevel.DEEP)));
        assertRule(free, 403, "PREMIUM_REQUIRED", null);

        subscribe(user, Plan.MONTHLY, "canceled", clock.now().plusDays(10));
        ApiException canceled = catchThrowableOfType(ApiException.class,
                () -> api(user).updateProfile(new UpdateProfileRequest().praiseLevel(PraiseLevel.DEEP)));
        assertRule(canceled, 403, "PREMIUM_REQUIRED", null);
        assertThat(users.find(user).orElseThrow().praiseLevel().id()).isEqualTo("normal");

        subscriptions.delete(user);
        subscribe(user, Plan.MONTHLY, "active", clock.now().plusDays(10));
        assertThat(api(user).updateProfile(new UpdateProfileRequest().praiseLevel(PraiseLevel.DEEP)).getPraiseLevel())
                .isEqualTo(PraiseLevel.DEEP);
        assertThat(api(user).updateProfile(new UpdateProfileRequest().praiseLevel(PraiseLevel.NORMAL)).getPraiseLevel())
                .isEqualTo(PraiseLevel.NORMAL);
    }

    @Test
    void updateProfile_unknownField_emptyBody_badEnum_orBadNickname_returns400_andChangesNothing() throws Exception {
        String user = newUser();
        api(user).completeOnboarding(new CompleteOnboardingRequest().nickname("ゆう"));
        Map<String, String> auth = RawHttp.bearer(TestStack.userToken(user));
        for (String body : new String[] {"{\"nickname\":\"ゆうき\",\"real_name\":\"山田\"}", "{}", "{\"nickname\":null}",
                "{\"praise_level\":\"extreme\"}", "{\"ai_character\":\"TAMA\"}"}) {
            assertError(RawHttp.send(server.port(), "PUT", "/api/users/profile", "application/json", body, auth),
                    400, "VALIDATION_ERROR");
        }
        ApiException url = catchThrowableOfType(ApiException.class,
                () -> api(user).updateProfile(new UpdateProfileRequest().nickname("www.example.jp")));
        assertRule(url, 400, "VALIDATION_ERROR", "url");
        assertThat(api(user).getProfile().getNickname()).isEqualTo("ゆう");
    }

    @Test
    void updateProfile_andNickname_withoutProfile_return404OnboardingRequired() {
        String user = newUser();
        ApiException profile = catchThrowableOfType(ApiException.class,
                () -> api(user).updateProfile(new UpdateProfileRequest().aiCharacter(AiCharacter.MADOKA)));
        assertRule(profile, 404, "ONBOARDING_REQUIRED", null);
        ApiException nickname = catchThrowableOfType(ApiException.class,
                () -> api(user).updateNickname(new UpdateNicknameRequest().nickname("まい")));
        assertRule(nickname, 404, "ONBOARDING_REQUIRED", null);
        assertThat(users.find(user)).isEmpty();
    }

    @Test
    void updateNickname_setsTheNormalisedNickname_andEveryRuleIsChecked() throws Exception {
        String user = newUser();
        api(user).completeOnboarding(new CompleteOnboardingRequest().nickname("あや"));
        UserProfile renamed = api(user).updateNickname(new UpdateNicknameRequest().nickname("ＡＹＡ🌸"));
        assertThat(renamed.getNickname()).isEqualTo("AYA🌸");
        assertThat(renamed.getNicknameUpdatedAt()).isNotNull();
        Map<String, String> cases = Map.of(
                "\u200B", "blank",
                "x".repeat(21), "length",
                "a\u202Eb", "control_characters",
                "ｗｗｗ．ｅｘ．ｃｏｍ", "url",
                "aya@mail.example", "email",
                "バカ", "denied_word");
        cases.forEach((nickname, rule) -> {
            ApiException e = catchThrowableOfType(ApiException.class,
                    () -> api(user).updateNickname(new UpdateNicknameRequest().nickname(nickname)));
            assertRule(e, 400, "VALIDATION_ERROR", rule);
        });
        assertThat(users.find(user).orElseThrow().nickname()).isEqualTo("AYA🌸");
        assertError(RawHttp.send(server.port(), "PUT", "/api/users/nickname", "application/json",
                "{\"nickname\":\"ok\",\"user_id\":\"someone-else\"}", RawHttp.bearer(TestStack.userToken(user))), 400, "VALIDATION_ERROR");
    }

    @Test
    void userB_neverReadsOrChangesUserA() throws Exception {
        String a = newUser();
        String b = newUser();
        api(a).completeOnboarding(new CompleteOnboardingRequest().nickname("えーママ").aiCharacter(AiCharacter.MADOKA));
        ApiException e = catchThrowableOfType(ApiException.class, () -> api(b).getProfile());
        assertRule(e, 404, "ONBOARDING_REQUIRED", null);

        api(b).completeOnboarding(new CompleteOnboardingRequest().nickname("びーパパ"));
        api(b).updateProfile(new UpdateProfileRequest().aiCharacter(AiCharacter.HIDE).nickname("びー"));
        assertThat(api(b).getProfile().getUserId()).isEqualTo(b);
        UserProfile aAfter = api(a).getProfile();
        assertThat(aAfter.getNickname()).isEqualTo("えーママ");
        assertThat(aAfter.getAiCharacter()).isEqualTo(AiCharacter.MADOKA);
        // the user id comes only from the token: a body naming another user is refused, not obeyed
        assertError(RawHttp.send(server.port(), "PUT", "/api/users/profile", "application/json",
                "{\"user_id\":\"" + a + "\",\"nickname\":\"のっとり\"}", RawHttp.bearer(TestStack.userToken(b))), 400, "VALIDATION_ERROR");
        assertThat(api(a).getProfile().getNickname()).isEqualTo("えーママ");
    }

    @Test
    void everyUsersOperation_withoutAUserToken_returns401() {
        Map<String, String> admin = RawHttp.bearer(TestStack.adminToken("ops-1"));
        for (Map<String, String> auth : List.of(Map.<String, String>of(), admin, RawHttp.bearer("garbage"))) {
            assertError(RawHttp.get(server.port(), "/api/users/onboarding-status", auth), 401, "UNAUTHORIZED");
            assertError(RawHttp.get(server.port(), "/api/users/profile", auth), 401, "UNAUTHORIZED");
            assertError(RawHttp.send(server.port(), "PUT", "/api/users/nickname", "application/json", "{\"nickname\":\"x\"}", auth),
                    401, "UNAUTHORIZED");
            assertError(RawHttp.send(server.port(), "DELETE", "/api/users/account", null, null, auth), 401, "UNAUTHORIZED");
        }
    }

    @Test
    void deleteAccount_withoutAnyIdentityProviderOrSubscription_deletesTheProfile_andLogsTheIdentityStep() throws Exception {
        String user = newUser();
        api(user).completeOnboarding(new CompleteOnboardingRequest().nickname("けい"));
        var result = api(user).deleteAccount();
        assertThat(result.getDeleted()).isTrue();
        assertThat(result.getSubscriptionCanceled()).isFalse();
        assertThat(users.find(user)).isEmpty();
        OnboardingStatus afterwards = api(user).getOnboardingStatus();
        assertThat(afterwards.getNeedsOnboarding()).isTrue();
    }
}
