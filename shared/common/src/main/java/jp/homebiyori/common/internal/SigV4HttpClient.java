package jp.homebiyori.common.internal;

import jp.homebiyori.common.http.DelegatingHttpClient;
import jp.homebiyori.common.http.RequestBodies;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;

/**
 * Signs every request with AWS Signature Version 4 (the AWS SDK's {@link AwsV4HttpSigner}, service
 * {@code execute-api}) before sending it: how a function calls an API Gateway API whose methods require
 * IAM authorisation, as the internal API does in AWS. The signature covers the method, the path with the
 * stage, the query, the headers sent (the API key and source among them) and the body's SHA-256.
 * Credentials come from the identity provider (in Lambda, the function role's, through the default chain).
 */
public final class SigV4HttpClient extends DelegatingHttpClient {

    /** Headers the JDK client sets itself and refuses from callers; the signature's {@code host} is the URI's. */
    private static final Set<String> SET_BY_THE_CLIENT = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final IdentityProvider<? extends AwsCredentialsIdentity> credentials;
    private final String region;
    private final Clock clock;

    public SigV4HttpClient(HttpClient delegate, IdentityProvider<? extends AwsCredentialsIdentity> credentials, String region, Clock clock) {
        super(delegate);
        this.credentials = credentials;
        this.region = region;
        this.clock = clock;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException, InterruptedException {
        return delegate.send(sign(request), handler);
    }

    HttpRequest sign(HttpRequest request) throws InterruptedException {
        byte[] body = RequestBodies.bytes(request);
        SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder()
                .method(SdkHttpMethod.fromValue(request.method()))
                .uri(request.uri());
        request.headers().map().forEach(unsigned::putHeader);
        AwsCredentialsIdentity identity = credentials.resolveIdentity().join();
        SignedRequest signed = signer.sign(r -> r.identity(identity)
                .request(unsigned.build())
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(HttpSigner.SIGNING_CLOCK, clock));
        HttpRequest.Builder out = HttpRequest.newBuilder(request.uri())
                .method(request.method(), body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .expectContinue(request.expectContinue());
        request.timeout().ifPresent(out::timeout);
        request.version().ifPresent(out::version);
        signed.request().headers().forEach((name, values) -> {
            if (!SET_BY_THE_CLIENT.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> out.header(name, value));
            }
        });
        return out.build();
    }
}
