package jp.homebiyori.common.internal;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Signs calls of the generated internal API client with AWS Signature Version 4 (service
 * {@code execute-api}), for the internal API in AWS: an IAM-authorised API Gateway API that only
 * signed calls of the services' roles reach. The AWS SDK's {@link AwsV4HttpSigner} does the signing with
 * the process's credentials (in Lambda the function role's, through {@link DefaultCredentialsProvider}).
 *
 * <p>It runs as the generated client's request interceptor, after the client has set the body, so the
 * signature covers method, path, query, the headers set so far ({@code X-API-Key},
 * {@code X-Source-Lambda}, content type) and the body's SHA-256 ({@code x-amz-content-sha256}).
 * {@code Host} is signed as the JDK client will send it (from the URI) but not set on the builder,
 * which refuses it.
 */
public final class InternalApiSigner {

    /** The signing name of API Gateway's execute-api endpoints. */
    public static final String SERVICE = "execute-api";

    private static final Set<String> NOT_SETTABLE = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final AwsCredentialsProvider credentials;
    private final String region;
    private final Clock clock;

    public InternalApiSigner(AwsCredentialsProvider credentials, String region, Clock clock) {
        this.credentials = credentials;
        this.region = region;
        this.clock = clock;
    }

    /** Signer with the default credentials chain (environment, web identity, container, instance profile). */
    public static InternalApiSigner withDefaultCredentials(String region) {
        return new InternalApiSigner(DefaultCredentialsProvider.builder().build(), region, Clock.systemUTC());
    }

    /** Adds {@code Authorization}, {@code X-Amz-Date}, {@code x-amz-content-sha256} (and a session token) to the request. */
    public void sign(HttpRequest.Builder builder) {
        HttpRequest draft = builder.copy().build();
        byte[] body = bodyOf(draft);
        SdkHttpRequest.Builder request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.fromValue(draft.method()))
                .uri(draft.uri());
        draft.headers().map().forEach(request::putHeader);
        AwsCredentialsIdentity identity = credentials.resolveIdentity().join();
        SignedRequest signed = signer.sign(r -> r
                .identity(identity)
                .request(request.build())
                .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SERVICE)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(HttpSigner.SIGNING_CLOCK, clock));
        for (Map.Entry<String, List<String>> header : signed.request().headers().entrySet()) {
            String name = header.getKey();
            if (!NOT_SETTABLE.contains(name.toLowerCase(Locale.ROOT))
                    && !header.getValue().equals(draft.headers().allValues(name))) {
                builder.setHeader(name, String.join(",", header.getValue()));
            }
        }
    }

    /** The bytes a request's body publisher emits (the generated client publishes a byte array). */
    static byte[] bodyOf(HttpRequest request) {
        if (request.bodyPublisher().isEmpty() || request.bodyPublisher().get().contentLength() == 0) {
            return new byte[0];
        }
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        request.bodyPublisher().get().subscribe(new Flow.Subscriber<>() {
            private final ByteArrayOutputStream out = new ByteArrayOutputStream();

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                out.writeBytes(chunk);
            }

            @Override
            public void onError(Throwable error) {
                result.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
                result.complete(out.toByteArray());
            }
        });
        try {
            return result.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the request body to sign it", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the request body could not be read to sign it", e);
        }
    }
}
