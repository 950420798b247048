package jp.homebiyori.lambda;

import com.amazonaws.serverless.proxy.model.ApiGatewayRequestIdentity;
import com.amazonaws.serverless.proxy.model.AwsProxyRequest;
import com.amazonaws.serverless.proxy.model.AwsProxyRequestContext;
import com.amazonaws.serverless.proxy.model.Headers;
import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import jp.homebiyori.common.config.AwsClients;
import org.crac.Core;
import org.crac.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * SnapStart (CRaC) priming: before Lambda takes the snapshot of an initialised function, requests go
 * through the whole stack once — route matching, every filter, the exception mappers, Jackson — so the
 * classes they load and the code the JIT compiles are in the snapshot, not paid by the first user after a
 * restore. The requests need no credentials and touch no table: an unknown route (404 JSON), a request
 * without a token (401 JSON) and the public health route. Then the AWS clients are built (they are lazy:
 * an on-demand cold start builds each with the first request that reaches its service). On a JVM without CRaC (pods, local, tests)
 * registering does nothing; {@link #primeNow} runs the same requests on demand.
 */
final class SnapStartPriming implements Resource {

    private static final Logger LOG = Logger.getLogger(SnapStartPriming.class.getName());
    /** org.crac holds resources weakly: keep them reachable. */
    private static final List<SnapStartPriming> REGISTERED = new CopyOnWriteArrayList<>();
    static final int ROUNDS = 5;
    static final List<String> PATHS = List.of("/api/health", "/api/users/profile", "/api/priming/unknown-route");

    private final Function<AwsProxyRequest, Integer> handler;

    private SnapStartPriming(Function<AwsProxyRequest, Integer> handler) {
        this.handler = handler;
    }

    /** Registers the priming of a handler (a function from a REST API request to the status it answered). */
    static void register(Function<AwsProxyRequest, Integer> handler) {
        SnapStartPriming priming = new SnapStartPriming(handler);
        REGISTERED.add(priming);
        Core.getGlobalContext().register(priming);
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        long start = System.nanoTime();
        // what the init's second thread makes belongs in the snapshot (and may register lazy clients)
        if (!Preinitializer.awaitIdle(java.time.Duration.ofSeconds(10))) {
            LOG.warning("SnapStart priming: the init's second thread had not finished after 10 s");
        }
        awaitAiWarmUp();
        List<Integer> statuses = primeNow();
        // the AWS clients too (DynamoDB, SSM, Bedrock; lazy so that an on-demand cold start does not build them
        // for a request that never reaches them): built before the snapshot, no restored function builds one.
        // One that cannot be built is left to its first call, which reports it, as an on-demand start would.
        int clients;
        try {
            clients = AwsClients.buildLazyClients();
        } catch (RuntimeException e) {
            LOG.log(java.util.logging.Level.WARNING, "SnapStart priming: an AWS client could not be built", e);
            clients = -1;
        }
        int built = clients;
        LOG.info(() -> "SnapStart priming: " + statuses.size() + " requests in " + (System.nanoTime() - start) / 1_000_000
                + " ms, statuses " + statuses.stream().distinct().sorted().toList() + ", AWS clients built: " + (built < 0 ? "not all" : built));
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing is cached that a restore invalidates: parameters and JWKS expire by time, SDK clients reconnect
        LOG.info("restored from a SnapStart snapshot");
    }

    /**
     * chat-service loads Kuromoji's dictionaries on a thread of its own at start-up (AiReplies): waited for here, so
     * they are in the snapshot. Looked up by name: the other functions' packages do not carry the AI layer.
     */
    private static void awaitAiWarmUp() {
        try {
            Class<?> replies = Class.forName("jp.homebiyori.ai.AiReplies", false, SnapStartPriming.class.getClassLoader());
            boolean done = (boolean) replies.getMethod("awaitWarmUp", java.time.Duration.class).invoke(null, java.time.Duration.ofSeconds(10));
            if (!done) {
                LOG.warning("SnapStart priming: Kuromoji's dictionaries had not loaded after 10 s");
            }
        } catch (ClassNotFoundException e) {
            // not chat-service: no AI layer, nothing to wait for
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(java.util.logging.Level.WARNING, "SnapStart priming: could not wait for the AI layer's warm-up", e);
        }
    }

    /** Sends the priming requests now; returns the statuses answered. */
    List<Integer> primeNow() {
        List<Integer> statuses = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (String path : PATHS) {
                statuses.add(handler.apply(request(path)));
            }
        }
        return statuses;
    }

    static List<SnapStartPriming> registered() {
        return List.copyOf(REGISTERED);
    }

    private static AwsProxyRequest request(String path) {
        AwsProxyRequest request = new AwsProxyRequest();
        request.setHttpMethod("GET");
        request.setPath(path);
        request.setResource("/{proxy+}");
        Headers headers = new Headers();
        headers.putSingle("Accept", "application/json");
        headers.putSingle("x-request-id", "snapstart-priming");
        request.setMultiValueHeaders(headers);
        AwsProxyRequestContext context = new AwsProxyRequestContext();
        context.setHttpMethod("GET");
        context.setPath(path);
        context.setStage("priming");
        context.setRequestId("snapstart-priming");
        ApiGatewayRequestIdentity identity = new ApiGatewayRequestIdentity();
        identity.setSourceIp("127.0.0.1");
        context.setIdentity(identity);
        request.setRequestContext(context);
        return request;
    }

    /** The Lambda context of priming requests (there is no invocation yet). */
    static final class PrimingContext implements Context {
        @Override public String getAwsRequestId() { return "snapstart-priming"; }
        @Override public String getLogGroupName() { return null; }
        @Override public String getLogStreamName() { return null; }
        @Override public String getFunctionName() { return System.getenv("AWS_LAMBDA_FUNCTION_NAME"); }
        @Override public String getFunctionVersion() { return System.getenv("AWS_LAMBDA_FUNCTION_VERSION"); }
        @Override public String getInvokedFunctionArn() { return null; }
        @Override public CognitoIdentity getIdentity() { return null; }
        @Override public ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return 10_000; }
        @Override public int getMemoryLimitInMB() { return 0; }
        @Override public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override public void log(String message) { LOG.fine(message); }
                @Override public void log(byte[] message) { LOG.fine(new String(message, java.nio.charset.StandardCharsets.UTF_8)); }
            };
        }
    }
}
