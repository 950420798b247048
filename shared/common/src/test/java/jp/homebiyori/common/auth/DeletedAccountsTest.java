package jp.homebiyori.common.auth;

import jakarta.ws.rs.core.Response;
import jp.homebiyori.common.config.AwsClients;
import jp.homebiyori.common.db.TableNames;
import jp.homebiyori.common.db.TableProvisioner;
import jp.homebiyori.common.error.ApiException;
import jp.homebiyori.common.error.ErrorBody;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.common.web.ApiKind;
import jp.homebiyori.common.web.ApiOperation;
import jp.homebiyori.common.web.RequestScope;
import jp.homebiyori.localdev.DynaliteServer;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The deleted-account rule and its filter against the DynamoDB API server (the system table on dynalite). */
class DeletedAccountsTest {

    private static final List<String> CALLS = new CopyOnWriteArrayList<>();
    private static DeletedAccounts deletedAccounts;
    private static DeletedAccountFilter filter;

    @BeforeAll
    static void tables() {
        ExecutionInterceptor counter = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                CALLS.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
            }
        };
        DynamoDbClient dynamo = AwsClients.build(DynamoDbClient.builder(), "ap-northeast-1",
                Optional.of(DynaliteServer.shared().endpoint().toString()), Duration.ofSeconds(5), List.of(counter));
        TableNames names = new TableNames("d" + UUID.randomUUID().toString().substring(0, 8));
        TableProvisioner.createMissing(dynamo, names);
        deletedAccounts = new DeletedAccounts(dynamo, names, JstClock.system(), 24);
        filter = new DeletedAccountFilter(deletedAccounts);
    }

    @AfterEach
    void endRequest() {
        RequestScope.end();
    }

    private static String newUser() {
        return "gone-" + UUID.randomUUID();
    }

    private static Caller tokenIssuedAt(String user, Instant issuedAt) {
        return new Caller(user, Caller.Kind.USER, issuedAt);
    }

    /** The start of a request to {@code operationId} of the user API by {@code caller}, as the earlier filters leave it. */
    private static void request(String operationId, Caller caller) {
        RequestScope scope = RequestScope.begin("req-" + UUID.randomUUID());
        scope.operation(new ApiOperation(operationId, ApiKind.USER, "test-service", false, Set.of("userPool"), 200));
        scope.caller(caller);
    }

    private static void assertRefused(Runnable call) {
        ApiException e = catchThrowableOfType(ApiException.class, call::run);
        assertThat(e).as("refused").isNotNull();
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.code()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void aTokenIssuedBeforeTheDeletion_isRefused_oneInTheSecondOfTheDeletionOrLater_isNot() {
        String user = newUser();
        Instant deletion = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusMillis(700);
        deletedAccounts.mark(user, deletion);

        assertRefused(() -> deletedAccounts.refuseTokenOfADeletedAccount(tokenIssuedAt(user, deletion.minusSeconds(1))));
        assertRefused(() -> deletedAccounts.refuseTokenOfADeletedAccount(tokenIssuedAt(user, null)));
        // iat has whole seconds: the token of the deletion's own second counts as issued after it
        deletedAccounts.refuseTokenOfADeletedAccount(tokenIssuedAt(user, deletion.truncatedTo(ChronoUnit.SECONDS)));
        deletedAccounts.refuseTokenOfADeletedAccount(tokenIssuedAt(user, deletion.plusSeconds(5)));
        deletedAccounts.refuseTokenOfADeletedAccount(tokenIssuedAt(newUser(), deletion.minusSeconds(60)));
    }

    @Test
    void aMarkerOlderThanAnyTokenCanBe_isIgnored() {
        String user = newUser();
        deletedAccounts.mark(user, Instant.now().minus(Duration.ofHours(25)));

        deletedAccounts.refuseTokenOfADeletedAccount(tokenIssuedAt(user, Instant.now().minus(Duration.ofHours(30))));
        assertThat(deletedAccounts.deletedAt(user)).isEmpty();
    }

    @Test
    void theFilter_readsTheMarkerOnce_forAUsersRequest_andRefusesAVoidedToken() {
        String user = newUser();
        deletedAccounts.mark(user, Instant.now());
        request("getProfile", tokenIssuedAt(user, Instant.now().minusSeconds(60)));
        CALLS.clear();

        assertRefused(() -> filter.filter(null));
        assertThat(CALLS).containsExactly("GetItem");
    }

    @Test
    void theFilter_readsNothing_forOtherCallers() {
        CALLS.clear();
        request("getDashboard", new Caller("ops", Caller.Kind.ADMIN, Instant.now().minusSeconds(60)));
        filter.filter(null);
        request("createNotification", new Caller("ttl-updater", Caller.Kind.SERVICE));
        filter.filter(null);
        assertThat(CALLS).isEmpty();
    }

    @Test
    void theDeletionItself_staysOpenToAVoidedToken_soAHalfDoneDeletionCanBeFinished() {
        String user = newUser();
        deletedAccounts.mark(user, Instant.now());
        request("deleteAccount", tokenIssuedAt(user, Instant.now().minusSeconds(60)));
        CALLS.clear();

        filter.filter(null);
        assertThat(CALLS).isEmpty();
        assertThat(RequestScope.current().deletionCheckPending()).isEmpty();
    }

    @Test
    void aChatSend_leavesTheCheckToItsBatch_whichCompletesIt() {
        String user = newUser();
        deletedAccounts.mark(user, Instant.now());
        Caller voided = tokenIssuedAt(user, Instant.now().minusSeconds(60));
        request("sendMessage", voided);
        CALLS.clear();

        filter.filter(null);
        assertThat(CALLS).as("no read of its own").isEmpty();
        assertThat(deletedAccounts.pendingCheckFor(newUser())).as("only for the caller's own items").isEmpty();
        DeletedAccounts.PendingCheck check = deletedAccounts.pendingCheckFor(user).orElseThrow();
        assertThat(check.key()).isEqualTo(DeletedAccounts.keyOf(user));

        var marker = java.util.Map.of("TTL", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN(
                        String.valueOf(Instant.now().plusSeconds(3600).getEpochSecond())),
                "deleted_at", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN(
                        String.valueOf(Instant.now().toEpochMilli())));
        assertRefused(() -> check.complete(marker));
        assertThat(deletedAccounts.pendingCheckFor(user)).as("made once").isEmpty();

        request("sendMessage", tokenIssuedAt(user, Instant.now().minusSeconds(60)));
        filter.filter(null);
        deletedAccounts.pendingCheckFor(user).orElseThrow().complete(null);
        ContainerResponse answered = response(200);
        filter.filter(null, answered);
        assertThat(answered.getStatus()).as("no marker found: the answer stands").isEqualTo(200);
    }

    @Test
    void anAnswerWithoutTheCheckLeftToTheBatch_isFailed() {
        request("sendMessage", tokenIssuedAt(newUser(), Instant.now()));
        filter.filter(null);

        ContainerResponse answered = response(201);
        filter.filter(null, answered);
        assertThat(answered.getStatus()).isEqualTo(500);
        assertThat(answered.getEntity()).isInstanceOfSatisfying(ErrorBody.class, body -> assertThat(body.code()).isEqualTo("INTERNAL_ERROR"));

        request("sendMessage", tokenIssuedAt(newUser(), Instant.now()));
        filter.filter(null);
        ContainerResponse refused = response(400);
        filter.filter(null, refused);
        assertThat(refused.getStatus()).as("an error answer before the read stays as it is").isEqualTo(400);
    }

    private static ContainerResponse response(int status) {
        ContainerRequest request = new ContainerRequest(URI.create("http://localhost/"), URI.create("http://localhost/api/chat/messages"),
                "POST", null, new MapPropertiesDelegate(), new ResourceConfig());
        return new ContainerResponse(request, Response.status(status).entity("{}").build());
    }
}
