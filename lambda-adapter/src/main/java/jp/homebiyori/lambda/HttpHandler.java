package jp.homebiyori.lambda;

import com.amazonaws.serverless.proxy.jersey.JerseyLambdaContainerHandler;
import com.amazonaws.serverless.proxy.model.AwsProxyRequest;
import com.amazonaws.serverless.proxy.model.AwsProxyResponse;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The Lambda entry point of every HTTP service behind an API Gateway REST API (proxy integration,
 * payload v1): {@code jp.homebiyori.lambda.HttpHandler::handleRequest}. The function's jars decide
 * which services it serves. The caller's JWT stays in the Authorization header and the common
 * layer's filter verifies it as in a pod, behind the gateway's Cognito authorizer; the authorizer's
 * request-context claims are not trusted on their own. The application is built in the init phase (so
 * SnapStart snapshots it) and primed before the snapshot ({@link SnapStartPriming}); nothing is fetched
 * at init that could wait (parameters, JWKS and secrets are read on first use).
 */
public class HttpHandler implements RequestStreamHandler {

    private static final JerseyLambdaContainerHandler<AwsProxyRequest, AwsProxyResponse> HANDLER =
            start();

    static {
        SnapStartPriming.register(request -> HANDLER.proxy(request, new SnapStartPriming.PrimingContext()).getStatusCode());
    }

    private static JerseyLambdaContainerHandler<AwsProxyRequest, AwsProxyResponse> start() {
        Preinitializer.warmUp(AwsProxyRequest.class);   // first: it runs beside all that follows
        var handler = Backend.quiet(JerseyLambdaContainerHandler.getAwsProxyHandler(Backend.application()));
        Backend.ready();   // the resources made: one that cannot be fails the init
        return handler;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        HANDLER.proxyStream(input, output, context);
    }
}
