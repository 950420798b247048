package jp.homebiyori.lambda;

import jp.homebiyori.testkit.lambda.ApiEvent;

import com.fasterxml.jackson.databind.JsonNode;
import jp.homebiyori.common.auth.DeletedAccounts;
import jp.homebiyori.testkit.RawHttp;
import jp.homebiyori.testkit.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static jp.homebiyori.testkit.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/** API Gateway REST API (payload v1) events through {@link HttpHandler}, on the real backend wiring. */
class HttpHandlerTest {

    private static HttpHandler handler;

    @BeforeAll
    static void start() {
        LambdaTestStack.start();
        handler = new HttpHandler();
    }

    private static String newUser() {
        return "lambda-" + UUID.randomUUID();
    }

    @Test
    void health_returns200Json() {
        RawHttp.Reply reply = ApiEvent.restApi("GET", "/api/health").send((in, out) -> handler.handleRequest(in, out, new TestContext()));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.json().path("status").asText()).isEqualTo("ok");
        assertThat(reply.json().path("version").asText()).isEqualTo("test-1.0.0");
        assertThat(reply.header("x-request-id")).isNotBlank();
    }

    @Test
    void userApi_withDevIssuerToken_returns200ForThatUser() {
        String user = newUser();
        RawHttp.Reply reply = ApiEvent.restApi("GET", "/api/users/onboarding-status")
                .bearer(TestStack.userToken(user)).authorizerClaims(user).send((in, out) -> handler.handleRequest(in, out, new TestContext()));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().path("user_id").asText()).isEqualTo(user);
        assertThat(reply.json().path("needs_onboarding").asBoolean()).isTrue();
    }

    @Test
    void userApi_withoutToken_returns401_evenWithAuthorizerClaimsInTheRequestContext() {
        RawHttp.Reply reply = ApiEvent.restApi("GET", "/api/users/onboarding-status")
                .authorizerClaims(newUser()).send((in, out) -> handler.handleRequest(in, out, new TestContext()));

        assertError(reply, 401, "UNAUTHORIZED");
    }

    @Test
    void userApi_withTokenOfAnotherUser_isServedAsTheTokensUser_notTheClaims() {
        String tokenUser = newUser();
        RawHttp.Reply reply = ApiEvent.restApi("GET", "/api/users/onboarding-status")
                .bearer(TestStack.userToken(tokenUser)).authorizerClaims(newUser()).send((in, out) -> handler.handleRequest(in, out, new TestContext()));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().path("user_id").asText()).isEqualTo(tokenUser);
    }

    @Test
    void userApi_withAdminToken_returns401() {
        RawHttp.Reply reply = ApiEvent.restApi("GET", "/api/users/onboarding-status")
                .bearer(TestStack.adminToken("admin-1")).send((in, out) -> handler.handleRequest(in, out, new TestContext()));

        assertError(reply, 401, "UNAUTHORIZED");
    }

    @Test
    void userApi_withATokenIssuedBeforeTheAccountsDeletion_returns401_onTheFilterAndTheChatBatchPaths() {
        String user = newUser();
        String voided = TestStack.userToken(user, Instant.now().minusSeconds(60));
        Backend.beans().get(DeletedAccounts.class).mark(user, Instant.now());

        RawHttp.Reply status = ApiEvent.restApi("GET", "/api/users/onboarding-status")
                .bearer(voided).send((in, out) -> handler.handleRequest(in, out, new TestContext()));
        assertError(status, 401, "UNAUTHORIZED");
        RawHttp.Reply send = ApiEvent.restApi("POST", "/api/chat/messages").bearer(voided)
                .jsonBody("{\"message\":\"ごはん作った\"}").send((in, out) -> handler.handleRequest(in, out, new TestContext()));
        assertError(send, 401, "UNAUTHORIZED");

        RawHttp.Reply since = ApiEvent.restApi("POST", "/api/chat/messages").bearer(TestStack.userToken(user))
                .jsonBody("{\"message\":\"ごはん作った\"}").send((in, out) -> handler.handleRequest(in, out, new TestContext()));
        assertThat(since.status()).as(since.body()).isEqualTo(200);
        assertThat(since.json().path("tree_growth").path("total_characters").asInt()).as("only the message of the token issued since")
                .isEqualTo("ごはん作った".length());
    }

    @Test
    void unknownRoute_returns404ErrorJson() {
        RawHttp.Reply reply = ApiEvent.restApi("GET", "/api/no-such-route").send((in, out) -> handler.handleRequest(in, out, new TestContext()));

        assertError(reply, 404, "NOT_FOUND");
    }

    @Test
    void malformedJsonBody_returns400MalformedJson() {
        RawHttp.Reply reply = ApiEvent.restApi("POST", "/api/users/complete-onboarding")
                .bearer(TestStack.userToken(newUser())).jsonBody("{\"nickname\": ").send((in, out) -> handler.handleRequest(in, out, new TestContext()));

        assertError(reply, 400, "MALFORMED_JSON");
    }

    @Test
    void nicknameOverTheSpecsMaxLength_returns400_fromBeanValidation() {
        // maxLength 40 in the spec: caught by Bean Validation (details.violations) before the use case's own 20-character rule
        RawHttp.Reply reply = ApiEvent.restApi("POST", "/api/users/complete-onboarding")
                .bearer(TestStack.userToken(newUser())).jsonBody("{\"nickname\":\"" + "あ".repeat(41) + "\"}").send((in, out) -> handler.handleRequest(in, out, new TestContext()));

        JsonNode error = assertError(reply, 400, "VALIDATION_ERROR");
        assertThat(error.path("details").path("violations").get(0).path("field").asText()).isEqualTo("nickname");
    }

    @Test
    void completeOnboarding_keepsJapaneseText_throughTheEventAndTheResponse() {
        String user = newUser();
        RawHttp.Reply reply = ApiEvent.restApi("POST", "/api/users/complete-onboarding")
                .bearer(TestStack.userToken(user)).jsonBody("{\"nickname\":\"ゆうママ\"}").send((in, out) -> handler.handleRequest(in, out, new TestContext()));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);

        RawHttp.Reply profile = ApiEvent.restApi("GET", "/api/users/profile")
                .bearer(TestStack.userToken(user)).send((in, out) -> handler.handleRequest(in, out, new TestContext()));
        assertThat(profile.status()).as(profile.body()).isEqualTo(200);
        assertThat(profile.json().path("nickname").asText()).isEqualTo("ゆうママ");
    }

    @Test
    void requestId_fromTheCaller_isEchoed() {
        RawHttp.Reply reply = ApiEvent.restApi("GET", "/api/health").header("x-request-id", "lambda-req-0001").send((in, out) -> handler.handleRequest(in, out, new TestContext()));

        assertThat(reply.header("x-request-id")).isEqualTo("lambda-req-0001");
    }

    @Test
    void snapStartPriming_sendsItsRequestsThroughTheWholeStack_withoutCredentialsOrWrites() {
        new HttpHandler();
        assertThat(SnapStartPriming.registered()).isNotEmpty();
        java.util.List<Integer> statuses = SnapStartPriming.registered().get(0).primeNow();
        assertThat(statuses).hasSize(SnapStartPriming.ROUNDS * SnapStartPriming.PATHS.size());
        // health 200, a user route without a token 401, an unknown route 404: each layer of the stack answered
        assertThat(statuses.subList(0, SnapStartPriming.PATHS.size())).containsExactly(200, 401, 404);
    }

    @Test
    void snapStartPriming_beforeTheSnapshot_buildsTheLazyAwsClients() {
        new HttpHandler();
        java.util.concurrent.atomic.AtomicBoolean built = new java.util.concurrent.atomic.AtomicBoolean();
        software.amazon.awssdk.services.ssm.SsmClient client = jp.homebiyori.common.config.AwsClients.lazy(
                software.amazon.awssdk.services.ssm.SsmClient.class, () -> {
                    built.set(true);
                    return software.amazon.awssdk.services.ssm.SsmClient.builder()
                            .region(software.amazon.awssdk.regions.Region.AP_NORTHEAST_1)
                            .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder())
                            .credentialsProvider(software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider.create())
                            .build();
                });

        SnapStartPriming.registered().get(0).beforeCheckpoint(null);

        assertThat(built).as("built before the snapshot").isTrue();
        client.close();
    }

    @Test
    void eachRequest_isLoggedOnce_byTheRequestLog_withoutTheCallersAddressOrAgent() throws Exception {
        java.util.List<java.util.logging.LogRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override public void publish(java.util.logging.LogRecord record) { records.add(record); }
            @Override public void flush() { }
            @Override public void close() { }
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(capture);
        try {
            RawHttp.Reply reply = ApiEvent.restApi("GET", "/api/users/profile").header("x-request-id", "lambda-log-0001")
                    .header("User-Agent", "Mozilla/5.0 (lambda-log-test)").header("X-Forwarded-For", "203.0.113.77")
                    .send((in, out) -> handler.handleRequest(in, out, new TestContext()));
            assertError(reply, 401, "UNAUTHORIZED");
        } finally {
            root.removeHandler(capture);
        }

        java.util.List<String> lines = records.stream().map(r -> new jp.homebiyori.common.logging.JsonLogFormatter().format(r)).toList();
        java.util.List<JsonNode> mine = lines.stream().filter(l -> l.contains("lambda-log-0001")).map(l -> {
            try {
                return new com.fasterxml.jackson.databind.ObjectMapper().readTree(l);
            } catch (java.io.IOException e) {
                throw new AssertionError(l, e);
            }
        }).toList();
        assertThat(mine).as(lines.toString()).hasSize(1);
        JsonNode line = mine.get(0);
        assertThat(line.path("type").asText()).isEqualTo("request");
        assertThat(line.path("logger").asText()).isEqualTo("homebiyori.access");
        assertThat(line.path("service").asText()).isEqualTo("user-service");
        assertThat(line.path("operation").asText()).isEqualTo("getProfile");
        assertThat(line.path("route").asText()).isEqualTo("/api/users/profile");
        assertThat(line.path("status").asInt()).isEqualTo(401);
        assertThat(line.path("latency_ms").isNumber()).isTrue();
        assertThat(line.get("user_id").isNull()).isTrue();
        assertThat(lines).noneMatch(l -> l.contains("203.0.113") || l.contains("Mozilla"));
    }

    @Test
    void theContainersOwnAccessLine_isOff() throws Exception {
        // aws-serverless-java-container formats a line with the caller's address and user agent for every request
        // unless its formatter is null (LambdaContainerHandler.proxy); the handlers' containers have none
        java.lang.reflect.Field formatter = com.amazonaws.serverless.proxy.internal.LambdaContainerHandler.class.getDeclaredField("logFormatter");
        formatter.setAccessible(true);
        for (Class<?> handlerClass : java.util.List.of(HttpHandler.class, HttpApiHandler.class)) {
            java.lang.reflect.Field container = handlerClass.getDeclaredField("HANDLER");
            container.setAccessible(true);
            Object handler = container.get(null);
            assertThat(handler).as(handlerClass.getSimpleName()).isNotNull();
            assertThat(formatter.get(handler)).as(handlerClass.getSimpleName() + "'s container log formatter").isNull();
        }
        // and a container as the library makes it has one: the check above can fail
        Object fresh = com.amazonaws.serverless.proxy.jersey.JerseyLambdaContainerHandler.getAwsProxyHandler(
                new org.glassfish.jersey.server.ResourceConfig());
        assertThat(formatter.get(fresh)).isNotNull();
    }

    /**
     * Issue 19 in the Lambda form: API Gateway lets 10 MB through (the invocation 6 MB); the function applies the
     * APIs' own limits and answers the pod's 413 {@code Error} body — with a declared Content-Length and without one.
     */
    @Test
    void anOversizedBody_is413PayloadTooLarge_withTheErrorBody_likeAPod() {
        String big = "{\"pad\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}";
        for (boolean declared : new boolean[] {true, false}) {
            ApiEvent webhook = ApiEvent.restApi("POST", "/api/webhook/stripe").header("Stripe-Signature", "t=1,v1=bogus")
                    .header("x-request-id", "req-lambda-413").jsonBody(big);
            ApiEvent chat = ApiEvent.restApi("POST", "/api/chat/messages").bearer(TestStack.userToken(newUser()))
                    .jsonBody("{\"message\":\"" + "a".repeat(70 * 1024) + "\"}");
            if (declared) {
                webhook.header("Content-Length", Integer.toString(big.length()));
            }
            RawHttp.Reply reply = webhook.send((in, out) -> handler.handleRequest(in, out, new TestContext()));
            JsonNode json = assertError(reply, 413, "PAYLOAD_TOO_LARGE");
            assertThat(json.path("request_id").asText()).isEqualTo("req-lambda-413");
            assertThat(json.path("details").path("limit_bytes").asLong()).isEqualTo(1024 * 1024);

            JsonNode chatJson = assertError(chat.send((in, out) -> handler.handleRequest(in, out, new TestContext())), 413, "PAYLOAD_TOO_LARGE");
            assertThat(chatJson.path("details").path("limit_bytes").asLong()).as("declared " + declared).isEqualTo(64 * 1024);
        }
    }
}
