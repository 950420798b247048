package jp.homebiyori.lambda;

import com.amazonaws.serverless.proxy.jersey.JerseyLambdaContainerHandler;
import com.amazonaws.serverless.proxy.model.AwsProxyResponse;
import com.amazonaws.serverless.proxy.model.HttpApiV2ProxyRequest;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * {@link HttpHandler} for an API Gateway HTTP API (payload format 2.0):
 * {@code jp.homebiyori.lambda.HttpApiHandler::handleRequest}. Same application, same filters; the
 * JWT authorizer's claims are likewise not trusted on their own.
 */
public class HttpApiHandler implements RequestStreamHandler {

    private static final JerseyLambdaContainerHandler<HttpApiV2ProxyRequest, AwsProxyResponse> HANDLER =
            start();

    private static JerseyLambdaContainerHandler<HttpApiV2ProxyRequest, AwsProxyResponse> start() {
        Preinitializer.warmUp(HttpApiV2ProxyRequest.class);
        var handler = Backend.quiet(JerseyLambdaContainerHandler.getHttpApiV2ProxyHandler(Backend.application()));
        Backend.ready();   // the resources made: one that cannot be fails the init
        return handler;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        HANDLER.proxyStream(input, output, context);
    }
}
