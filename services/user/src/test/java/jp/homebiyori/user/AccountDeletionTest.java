package jp.homebiyori.user;

import io.helidon.microprofile.server.ServerCdiExtension;
import io.helidon.microprofile.testing.AddBean;
import jp.homebiyori.localdev.StripeStub;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jp.homebiyori.client.user.ApiException;
import jp.homebiyori.client.user.api.UsersApi;
import jp.homebiyori.client.user.model.AccountDeletionResult;
import jp.homebiyori.client.user.model.CompleteOnboardingRequest;
import jp.homebiyori.client.user.model.AiCharacter;
import jp.homebiyori.client.user.model.UpdateNicknameRequest;
import jp.homebiyori.client.user.model.UpdateProfileRequest;
import jp.homebiyori.common.db.Table;
import jp.homebiyori.common.db.TableNames;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.domain.chat.ChatRepository;
import jp.homebiyori.domain.feedback.FeedbackRepository;
import jp.homebiyori.domain.notification.NotificationRepository;
import jp.homebiyori.domain.stats.StatsRepository;
import jp.homebiyori.domain.subscription.SubscriptionRepository;
import jp.homebiyori.domain.tree.FruitRepository;
import jp.homebiyori.domain.tree.TreeRepository;
import jp.homebiyori.domain.user.UserRepository;
import jp.homebiyori.testkit.ApiClients;
import jp.homebiyori.testkit.TestStack;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static jp.homebiyori.testkit.ErrorAssertions.assertError;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** DELETE /api/users/account end to end: every table, Stripe and identity ports, idempotence, resumption. */
@HelidonTest
@AddBean(RecordingIdentityDeleter.class)
class AccountDeletionTest {

    /** Stripe's API: the stand-in that speaks its wire format; the real Stripe adapter calls it. */
    private static final StripeStub STRIPE = StripeStub.start(0);

    @AddConfigSource
    static ConfigSource config() {
        return TestStack.configSource(Map.of(
                "homebiyori.stripe.api-base", STRIPE.baseUrl(),
                "homebiyori.parameters.stripe.api_key", "sk_test_local"));
    }

    /** How many times the subscription was cancelled at Stripe (DELETE /v1/subscriptions/{id}). */
    private static int stripeCancellations(String subscriptionId) {
        return STRIPE.server().findAll(deleteRequestedFor(urlEqualTo("/v1/subscriptions/" + subscriptionId))).size();
    }

    /** How many times deleting the customer was asked of Stripe (DELETE /v1/customers/{id}). */
    private static int stripeCustomerDeletions(String customerId) {
        return STRIPE.server().findAll(deleteRequestedFor(urlEqualTo("/v1/customers/" + customerId))).size();
    }

    @Inject private ServerCdiExtension server;
    @Inject private UserRepository users;
    @Inject private SubscriptionRepository subscriptions;
    @Inject private TreeRepository trees;
    @Inject private FruitRepository fruits;
    @Inject private ChatRepository chats;
    @Inject private NotificationRepository notifications;
    @Inject private FeedbackRepository feedback;
    @Inject private StatsRepository stats;
    @Inject private DynamoDbClient dynamo;
    @Inject private TableNames names;
    @Inject private JstClock clock;
    @Inject private RecordingIdentityDeleter identity;

    private AccountFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new AccountFixture(new AccountFixture.Repositories(subscriptions, trees, fruits, chats, notifications,
                feedback, stats, dynamo, names, clock));
    }

    private UsersApi api(String sub) {
        return new UsersApi(ApiClients.user(server.port(), TestStack.userToken(sub)));
    }

    /** The client of a token the user got a minute ago, so a deletion made with it voids it. */
    private UsersApi apiWithAnEarlierToken(String sub) {
        return new UsersApi(ApiClients.user(server.port(), TestStack.userToken(sub, clock.instant().minusSeconds(60))));
    }

    private String onboardedUserWithData(int chatCount, int fruitCount) throws Exception {
        String user = "del-" + UUID.randomUUID();
        api(user).completeOnboarding(new CompleteOnboardingRequest().nickname("けすママ"));
        fixture.seed(user, chatCount, fruitCount);
        return user;
    }

    /** How often {@code id} was passed to a port (the recorders live as long as the test class). */
    private static long calls(List<String> recorded, String id) {
        return recorded.stream().filter(id::equals).count();
    }

    private static int total(Map<Table, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    @Test
    void deleteAccount_erasesEveryItemOfTheUserInEveryTable_cancelsStripe_deletesTheIdentity_andLeavesOthersAlone() throws Exception {
        String user = onboardedUserWithData(320, 35);
        String other = onboardedUserWithData(25, 4);
        Map<Table, Integer> seeded = fixture.itemsOf(user);
        assertThat(seeded.get(Table.CHATS)).isEqualTo(320);
        assertThat(seeded.get(Table.FRUITS)).isEqualTo(35);
        assertThat(seeded).allSatisfy((table, n) -> assertThat(n).as(table.name()).isPositive());
        Map<Table, Integer> othersBefore = fixture.itemsOf(other);
        StatsRepository.Snapshot before = stats.snapshot(clock.today());

        AccountDeletionResult result = api(user).deleteAccount();

        assertThat(result.getUserId()).isEqualTo(user);
        assertThat(result.getDeleted()).isTrue();
        assertThat(result.getSubscriptionCanceled()).isTrue();
        assertThat(result.getDeletedAt()).isNotNull();
        assertThat(stripeCancellations("sub_" + user)).isEqualTo(1);
        assertThat(stripeCustomerDeletions("cus_" + user)).as("the customer (user id in metadata, payment methods) goes too").isEqualTo(1);
        assertThat(calls(identity.deleted(), user)).isEqualTo(1);
        assertThat(total(fixture.itemsOf(user))).as("items of the deleted user in any table").isZero();
        assertThat(fixture.itemsOf(other)).isEqualTo(othersBefore);
        StatsRepository.Snapshot after = stats.snapshot(clock.today());
        assertThat(after.totalUsers()).isEqualTo(before.totalUsers() - 1);
        assertThat(after.onboardedUsers()).isEqualTo(before.onboardedUsers() - 1);
        assertThat(after.premiumMonthly()).isEqualTo(before.premiumMonthly() - 1);
        assertThat(after.activeUsers7d()).isEqualTo(before.activeUsers7d() - 1);
        assertThat(api(other).getProfile().getNickname()).isEqualTo("けすママ");
    }

    @Test
    void afterDeletion_theTokenGetsCleanAnswers_andDeletingAgainSucceedsWithoutCountingTwice() throws Exception {
        String user = onboardedUserWithData(5, 1);
        api(user).deleteAccount();
        StatsRepository.Snapshot before = stats.snapshot(clock.today());

        ApiException profile = catchThrowableOfType(ApiException.class, () -> api(user).getProfile());
        assertError(profile.getCode(), profile.getResponseBody(), 404, "ONBOARDING_REQUIRED");
        ApiException nickname = catchThrowableOfType(ApiException.class,
                () -> api(user).updateNickname(new UpdateNicknameRequest().nickname("もどる")));
        assertError(nickname.getCode(), nickname.getResponseBody(), 404, "ONBOARDING_REQUIRED");

        AccountDeletionResult again = api(user).deleteAccount();
        assertThat(again.getDeleted()).isTrue();
        assertThat(again.getSubscriptionCanceled()).isFalse();
        assertThat(stripeCancellations("sub_" + user)).isEqualTo(1);
        assertThat(stripeCustomerDeletions("cus_" + user)).isEqualTo(1);
        assertThat(calls(identity.deleted(), user)).isEqualTo(2);
        StatsRepository.Snapshot after = stats.snapshot(clock.today());
        assertThat(after.totalUsers()).isEqualTo(before.totalUsers());
        assertThat(after.onboardedUsers()).isEqualTo(before.onboardedUsers());
        assertThat(total(fixture.itemsOf(user))).isZero();
    }

    @Test
    void aTokenIssuedBeforeTheDeletion_cannotBringTheAccountBack_butATokenIssuedSinceStartsAfresh() throws Exception {
        String user = onboardedUserWithData(2, 0);
        UsersApi before = api(user);
        Thread.sleep(1100);   // iat has whole seconds: the deletion happens in a later second than this token's issue
        before.deleteAccount();
        StatsRepository.Snapshot counted = stats.snapshot(clock.today());
        var marker = dynamo.getItem(b -> b.tableName(names.of(Table.SYSTEM))
                .key(Map.of(Table.PK, software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("DELETED_USER#" + user),
                        Table.SK, software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("MARKER")))).item();
        assertThat(marker.keySet()).as("the marker holds the sub and a time, nothing else")
                .containsExactlyInAnyOrder(Table.PK, Table.SK, "deleted_at", Table.TTL);
        assertThat(Long.parseLong(marker.get(Table.TTL).n())).isLessThanOrEqualTo(clock.instant().plusSeconds(24 * 3600).getEpochSecond());
        Thread.sleep(1100);   // and the token minted below in a later second than the deletion

        ApiException status = catchThrowableOfType(ApiException.class, before::getOnboardingStatus);
        assertError(status.getCode(), status.getResponseBody(), 401, "UNAUTHORIZED");
        ApiException complete = catchThrowableOfType(ApiException.class,
                () -> before.completeOnboarding(new CompleteOnboardingRequest().nickname("もどる")));
        assertError(complete.getCode(), complete.getResponseBody(), 401, "UNAUTHORIZED");
        assertThat(users.find(user)).as("no profile came back").isEmpty();
        assertThat(stats.snapshot(clock.today()).totalUsers()).isEqualTo(counted.totalUsers());

        assertThat(api(user).getOnboardingStatus().getNeedsOnboarding()).as("a token issued after the deletion").isTrue();
        assertThat(users.find(user)).isPresent();
    }

    @Test
    void deleteAccount_whenStripeCannotCancel_deletesNothing_answers503_andARetryFinishes() throws Exception {
        String user = onboardedUserWithData(12, 2);
        Map<Table, Integer> seeded = fixture.itemsOf(user);
        var outage = STRIPE.server().stubFor(delete(urlEqualTo("/v1/subscriptions/sub_" + user)).atPriority(1)
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"stand-in outage\"}}")));

        ApiException e = catchThrowableOfType(ApiException.class, () -> api(user).deleteAccount());
        assertError(e.getCode(), e.getResponseBody(), 503, "SERVICE_UNAVAILABLE");
        assertThat(fixture.itemsOf(user)).isEqualTo(seeded);
        assertThat(calls(identity.deleted(), user)).isZero();

        STRIPE.server().removeStub(outage);
        assertThat(api(user).deleteAccount().getSubscriptionCanceled()).isTrue();
        assertThat(total(fixture.itemsOf(user))).isZero();
        assertThat(calls(identity.deleted(), user)).isEqualTo(1);
    }

    @Test
    void deleteAccount_whenTheIdentityStepFails_answers503_andTheNextCallFinishes() throws Exception {
        String user = onboardedUserWithData(8, 1);
        UsersApi sameToken = apiWithAnEarlierToken(user);
        identity.failNext(1);

        ApiException e = catchThrowableOfType(ApiException.class, sameToken::deleteAccount);
        assertError(e.getCode(), e.getResponseBody(), 503, "SERVICE_UNAVAILABLE");
        assertThat(calls(identity.deleted(), user)).isZero();

        sameToken.deleteAccount();   // the deletion voided this token everywhere but here
        assertThat(calls(identity.deleted(), user)).isEqualTo(1);
        assertThat(total(fixture.itemsOf(user))).isZero();
    }

    @Test
    void deleteAccount_stoppedHalfWayThroughTheErasure_isFinishedByTheNextCall() throws Exception {
        String user = onboardedUserWithData(150, 3);
        // what a run that died after the profile step leaves: no profile, the bulk of the data still there
        users.deleteIfPresent(user);
        assertThat(fixture.itemsOf(user).get(Table.CHATS)).isEqualTo(150);

        AccountDeletionResult result = api(user).deleteAccount();
        assertThat(result.getDeleted()).isTrue();
        assertThat(total(fixture.itemsOf(user))).isZero();
    }

    @Test
    void aTokenIssuedBeforeTheDeletion_isRefusedByEveryUserOperation_butMayRepeatTheDeletion() throws Exception {
        String user = onboardedUserWithData(3, 1);
        UsersApi voided = apiWithAnEarlierToken(user);
        assertThat(voided.deleteAccount().getDeleted()).isTrue();
        StatsRepository.Snapshot counted = stats.snapshot(clock.today());

        List<Callable<?>> refused = List.of(voided::getProfile, voided::getOnboardingStatus,
                () -> voided.updateProfile(new UpdateProfileRequest().aiCharacter(AiCharacter.HIDE)),
                () -> voided.updateNickname(new UpdateNicknameRequest().nickname("もどる")),
                () -> voided.completeOnboarding(new CompleteOnboardingRequest().nickname("もどる")));
        for (Callable<?> call : refused) {
            ApiException e = catchThrowableOfType(ApiException.class, call::call);
            assertError(e.getCode(), e.getResponseBody(), 401, "UNAUTHORIZED");
        }
        assertThat(users.find(user)).as("no profile came back").isEmpty();

        AccountDeletionResult again = voided.deleteAccount();
        assertThat(again.getDeleted()).isTrue();
        assertThat(calls(identity.deleted(), user)).isEqualTo(2);
        assertThat(total(fixture.itemsOf(user))).isZero();
        assertThat(stats.snapshot(clock.today()).totalUsers()).isEqualTo(counted.totalUsers());
    }

    @Test
    void deleteAccount_whenStripeCannotDeleteTheCustomer_deletesNothing_answers503_andARetryWithTheSameTokenFinishes() throws Exception {
        String user = onboardedUserWithData(6, 1);
        UsersApi sameToken = apiWithAnEarlierToken(user);
        Map<Table, Integer> seeded = fixture.itemsOf(user);
        var outage = STRIPE.server().stubFor(delete(urlEqualTo("/v1/customers/cus_" + user)).atPriority(1)
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"stand-in outage\"}}")));

        ApiException e = catchThrowableOfType(ApiException.class, sameToken::deleteAccount);
        assertError(e.getCode(), e.getResponseBody(), 503, "SERVICE_UNAVAILABLE");
        assertThat(stripeCancellations("sub_" + user)).as("the subscription was canceled first").isEqualTo(1);
        assertThat(fixture.itemsOf(user)).as("nothing deleted").isEqualTo(seeded);
        assertThat(sameToken.getProfile().getNickname()).as("the account is not marked deleted").isEqualTo("けすママ");
        assertThat(calls(identity.deleted(), user)).isZero();
        int failedAttempts = stripeCustomerDeletions("cus_" + user);
        assertThat(failedAttempts).isPositive();

        STRIPE.server().removeStub(outage);
        assertThat(sameToken.deleteAccount().getDeleted()).isTrue();
        assertThat(stripeCustomerDeletions("cus_" + user)).isEqualTo(failedAttempts + 1);
        assertThat(total(fixture.itemsOf(user))).isZero();
        assertThat(calls(identity.deleted(), user)).isEqualTo(1);
    }

    @Test
    void deleteAccount_ofAFreeUserWhoseCheckoutLeftACustomer_deletesIt_andACustomerAlreadyGoneAtStripeCountsAsDeleted() throws Exception {
        String user = "co-" + UUID.randomUUID();
        api(user).completeOnboarding(new CompleteOnboardingRequest().nickname("けすママ"));
        subscriptions.attachCustomer(user, "cus_checkout_" + user);
        assertThat(api(user).deleteAccount().getSubscriptionCanceled()).isFalse();
        assertThat(stripeCustomerDeletions("cus_checkout_" + user)).isEqualTo(1);
        assertThat(total(fixture.itemsOf(user))).isZero();

        String gone = "gone-" + UUID.randomUUID();
        api(gone).completeOnboarding(new CompleteOnboardingRequest().nickname("けすママ"));
        subscriptions.attachCustomer(gone, "cus_gone_" + gone);
        var missing = STRIPE.server().stubFor(delete(urlEqualTo("/v1/customers/cus_gone_" + gone)).atPriority(1)
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":\"resource_missing\",\"message\":\"No such customer: 'cus_gone_" + gone
                                + "'\",\"param\":\"id\",\"type\":\"invalid_request_error\"}}")));
        try {
            assertThat(api(gone).deleteAccount().getDeleted()).isTrue();
        } finally {
            STRIPE.server().removeStub(missing);
        }
        assertThat(stripeCustomerDeletions("cus_gone_" + gone)).isEqualTo(1);
        assertThat(total(fixture.itemsOf(gone))).isZero();
    }

    @Test
    void concurrentDeletions_ofOneAccount_bothSucceed_andCountTheAccountOnce() throws Exception {
        String user = onboardedUserWithData(60, 2);
        StatsRepository.Snapshot before = stats.snapshot(clock.today());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Callable<AccountDeletionResult>> calls = List.of(() -> api(user).deleteAccount(), () -> api(user).deleteAccount());
        for (Future<AccountDeletionResult> f : pool.invokeAll(calls)) {
            assertThat(f.get().getDeleted()).isTrue();
        }
        pool.shutdown();
        assertThat(stats.snapshot(clock.today()).totalUsers()).isEqualTo(before.totalUsers() - 1);
        assertThat(total(fixture.itemsOf(user))).isZero();
    }
}
