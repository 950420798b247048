package jp.homebiyori.lambda;

import jp.homebiyori.testkit.lambda.ApiEvent;

import jp.homebiyori.testkit.RawHttp;
import jp.homebiyori.testkit.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static jp.homebiyori.testkit.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/** API Gateway HTTP API (payload v2) events through {@link HttpApiHandler}, on the real backend wiring. */
class HttpApiHandlerTest {

    private static HttpApiHandler handler;

    @BeforeAll
    static void start() {
        LambdaTestStack.start();
        handler = new HttpApiHandler();
    }

    @Test
    void health_returns200Json() {
        RawHttp.Reply reply = ApiEvent.httpApi("GET", "/api/health").send((in, out) -> handler.handleRequest(in, out, new TestContext()));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.json().path("status").asText()).isEqualTo("ok");
    }

    @Test
    void userApi_withDevIssuerToken_returns200() {
        String user = "lambda-v2-" + UUID.randomUUID();
        RawHttp.Reply reply = ApiEvent.httpApi("GET", "/api/users/onboarding-status")
                .bearer(TestStack.userToken(user)).authorizerClaims(user).send((in, out) -> handler.handleRequest(in, out, new TestContext()));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().path("user_id").asText()).isEqualTo(user);
    }

    @Test
    void userApi_withoutToken_returns401_evenWithJwtAuthorizerClaims() {
        RawHttp.Reply reply = ApiEvent.httpApi("GET", "/api/users/onboarding-status")
                .authorizerClaims("lambda-v2-" + UUID.randomUUID()).send((in, out) -> handler.handleRequest(in, out, new TestContext()));

        assertError(reply, 401, "UNAUTHORIZED");
    }

    @Test
    void malformedJsonBody_returns400MalformedJson() {
        RawHttp.Reply reply = ApiEvent.httpApi("POST", "/api/users/complete-onboarding")
                .bearer(TestStack.userToken("lambda-v2-" + UUID.randomUUID())).jsonBody("{\"nickname\"").send((in, out) -> handler.handleRequest(in, out, new TestContext()));

        assertError(reply, 400, "MALFORMED_JSON");
    }

    @Test
    void unknownRoute_returns404ErrorJson() {
        RawHttp.Reply reply = ApiEvent.httpApi("GET", "/api/no-such-route").send((in, out) -> handler.handleRequest(in, out, new TestContext()));

        assertError(reply, 404, "NOT_FOUND");
    }
}
