package jp.homebiyori.bench.coldstart.bare;

import com.amazonaws.serverless.proxy.jersey.JerseyLambdaContainerHandler;
import com.amazonaws.serverless.proxy.model.AwsProxyRequest;
import com.amazonaws.serverless.proxy.model.AwsProxyResponse;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The cold-start baseline: the Lambda container of our services around one resource, built in the
 * class initialiser as our {@code HttpHandler} does, but without CDI. Whatever our handler costs beyond
 * this is CDI, Helidon, configuration and the services themselves.
 */
public class HelloHandler implements RequestStreamHandler {

    private static final JerseyLambdaContainerHandler<AwsProxyRequest, AwsProxyResponse> HANDLER =
            JerseyLambdaContainerHandler.getAwsProxyHandler(
                    new ResourceConfig().register(HelloResource.class).register(JacksonFeature.withoutExceptionMappers()));

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        HANDLER.proxyStream(input, output, context);
    }
}
