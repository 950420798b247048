package jp.homebiyori.user;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.helidon.microprofile.server.ServerCdiExtension;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jp.homebiyori.client.user.ApiException;
import jp.homebiyori.client.user.api.UsersApi;
import jp.homebiyori.client.user.model.CompleteOnboardingRequest;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.domain.subscription.Plan;
import jp.homebiyori.domain.subscription.Subscription;
import jp.homebiyori.domain.subscription.SubscriptionRepository;
import jp.homebiyori.domain.user.UserRepository;
import jp.homebiyori.testkit.ApiClients;
import jp.homebiyori.testkit.TestStack;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static jp.homebiyori.testkit.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Deletion with the Cognito adapter (against Cognito's wire format) while Stripe is not configured (no
 * API key): a live subscription or a Stripe customer makes it refuse (503, nothing deleted, never a paid
 * subscription left running or a customer naming the user left behind for a gone account); otherwise the
 * Cognito user is deleted through the admin API.
 */
@HelidonTest
class AccountDeletionOnCognitoTest {

    private static final String POOL = "ap-northeast-1_TestPool";
    private static final WireMockServer COGNITO = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));

    @AddConfigSource
    static ConfigSource config() {
        COGNITO.start();
        return TestStack.configSource(Map.of(
                "homebiyori.identity.provider", "cognito",
                "homebiyori.aws.cognito.endpoint", COGNITO.baseUrl(),
                "homebiyori.auth.user-pool.pool-id", POOL));
    }

    @AfterAll
    static void stop() {
        COGNITO.stop();
    }

    @Inject private ServerCdiExtension server;
    @Inject private UserRepository users;
    @Inject private SubscriptionRepository subscriptions;
    @Inject private JstClock clock;

    private UsersApi api(String sub) {
        return new UsersApi(ApiClients.user(server.port(), TestStack.userToken(sub)));
    }

    private static void stubCognitoUser(String sub, String username) {
        COGNITO.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSCognitoIdentityProviderService.ListUsers"))
                .withRequestBody(equalToJson("{\"UserPoolId\":\"" + POOL + "\",\"Filter\":\"sub = \\\"" + sub + "\\\"\",\"Limit\":1}"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"Users\":[{\"Username\":\"" + username + "\"}]}")));
        COGNITO.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSCognitoIdentityProviderService.AdminDeleteUser"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1").withBody("{}")));
    }

    private static int adminDeletesOf(String username) {
        return COGNITO.findAll(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AWSCognitoIdentityProviderService.AdminDeleteUser"))
                .withRequestBody(equalToJson("{\"UserPoolId\":\"" + POOL + "\",\"Username\":\"" + username + "\"}"))).size();
    }

    @Test
    void liveSubscription_whenStripeCannotBeReached_refusesWith503_andDeletesNothing() {
        String user = "paid-" + UUID.randomUUID();
        stubCognitoUser(user, "google_" + user);
        users.createIfAbsent(jp.homebiyori.domain.user.UserProfile.initial(user, clock.now()));
        subscriptions.saveIfNotOlder(new Subscription(user, "cus_1", "sub_live", Plan.YEARLY, "cancel_scheduled",
                clock.now().minusDays(1), clock.now().plusMonths(11), true, 1, clock.now()));

        ApiException e = catchThrowableOfType(ApiException.class, () -> api(user).deleteAccount());
        assertError(e.getCode(), e.getResponseBody(), 503, "SERVICE_UNAVAILABLE");
        assertThat(users.find(user)).isPresent();
        assertThat(subscriptions.find(user)).isPresent();
        assertThat(adminDeletesOf("google_" + user)).isZero();
    }

    @Test
    void aCustomerLeftFromAnEndedSubscription_whenStripeCannotBeReached_refusesWith503_andDeletesNothing() throws Exception {
        String user = "ended-" + UUID.randomUUID();
        stubCognitoUser(user, "google_" + user);
        api(user).completeOnboarding(new CompleteOnboardingRequest().nickname("むぎ"));
        subscriptions.saveIfNotOlder(new Subscription(user, "cus_2", "sub_old", Plan.MONTHLY, "canceled",
                clock.now().minusMonths(2), clock.now().minusMonths(1), false, 1, clock.now()));

        ApiException e = catchThrowableOfType(ApiException.class, () -> api(user).deleteAccount());
        assertError(e.getCode(), e.getResponseBody(), 503, "SERVICE_UNAVAILABLE");
        assertThat(users.find(user)).isPresent();
        assertThat(subscriptions.find(user)).as("the customer id, for the retry").isPresent();
        assertThat(adminDeletesOf("google_" + user)).isZero();
    }

    @Test
    void nothingAtStripe_deletesTheDataAndTheCognitoUserFoundBySub() throws Exception {
        String user = "free-" + UUID.randomUUID();
        stubCognitoUser(user, "google_" + user);
        api(user).completeOnboarding(new CompleteOnboardingRequest().nickname("むぎ"));

        var result = api(user).deleteAccount();
        assertThat(result.getSubscriptionCanceled()).isFalse();
        assertThat(users.find(user)).isEmpty();
        assertThat(adminDeletesOf("google_" + user)).isEqualTo(1);
    }
}
