package jp.homebiyori.user.infrastructure;

import com.github.tomakehurst.wiremock.WireMockServer;
import jp.homebiyori.common.config.AwsClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;

import java.time.Duration;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Contract test of the Cognito adapter against the Cognito JSON protocol (X-Amz-Target) served by WireMock. */
class CognitoIdentityDeleterTest {

    static final String POOL = "ap-northeast-1_TestPool";
    private static final String LIST = "AWSCognitoIdentityProviderService.ListUsers";
    private static final String DELETE = "AWSCognitoIdentityProviderService.AdminDeleteUser";
    private static final String JSON = "application/x-amz-json-1.1";

    private static WireMockServer cognito;
    private CognitoIdentityDeleter deleter;

    @BeforeAll
    static void start() {
        cognito = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        cognito.start();
    }

    @AfterAll
    static void stop() {
        cognito.stop();
    }

    @BeforeEach
    void setUp() {
        cognito.resetAll();
        CognitoIdentityProviderClient client = AwsClients.build(CognitoIdentityProviderClient.builder(), "ap-northeast-1",
                Optional.of(cognito.baseUrl()), Duration.ofSeconds(2));
        deleter = new CognitoIdentityDeleter(client, POOL);
    }

    static void stubUserFound(WireMockServer server, String sub, String username) {
        server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(LIST))
                .withRequestBody(equalToJson("{\"UserPoolId\":\"" + POOL + "\",\"Filter\":\"sub = \\\"" + sub + "\\\"\",\"Limit\":1}"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON)
                        .withBody("{\"Users\":[{\"Username\":\"" + username + "\",\"Enabled\":true,"
                                + "\"Attributes\":[{\"Name\":\"sub\",\"Value\":\"" + sub + "\"}]}]}")));
        server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(DELETE))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON).withBody("{}")));
    }

    static void verifyDeleted(WireMockServer server, String username) {
        server.verify(1, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(DELETE))
                .withRequestBody(equalToJson("{\"UserPoolId\":\"" + POOL + "\",\"Username\":\"" + username + "\"}")));
    }

    @Test
    void deleteUser_findsTheGoogleUsernameBySub_andDeletesThatUser() {
        stubUserFound(cognito, "0a1b2c3d-sub", "google_1122334455");
        deleter.deleteUser("0a1b2c3d-sub");
        verifyDeleted(cognito, "google_1122334455");
    }

    @Test
    void deleteUser_ofAUserCognitoDoesNotKnow_isDoneWithoutADeleteCall() {
        cognito.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(LIST))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON).withBody("{\"Users\":[]}")));
        deleter.deleteUser("gone-sub");
        cognito.verify(0, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(DELETE)));
    }

    @Test
    void deleteUser_whenTheUserVanishesMeanwhile_isNoError() {
        stubUserFound(cognito, "racy-sub", "google_9");
        cognito.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(DELETE))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", JSON)
                        .withBody("{\"__type\":\"UserNotFoundException\",\"message\":\"User does not exist.\"}")));
        deleter.deleteUser("racy-sub");
        verifyDeleted(cognito, "google_9");
    }

    @Test
    void deleteUser_whenCognitoRefuses_fails() {
        stubUserFound(cognito, "sub-x", "google_x");
        cognito.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(DELETE))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", JSON)
                        .withBody("{\"__type\":\"NotAuthorizedException\",\"message\":\"not allowed\"}")));
        assertThatThrownBy(() -> deleter.deleteUser("sub-x")).isInstanceOf(CognitoIdentityProviderException.class);
    }

    @Test
    void deleteUser_refusesASubThatWouldBreakTheFilter() {
        assertThatThrownBy(() -> deleter.deleteUser("x\" or sub = \"y")).isInstanceOf(IllegalArgumentException.class);
        assertThat(cognito.getAllServeEvents()).isEmpty();
    }
}
