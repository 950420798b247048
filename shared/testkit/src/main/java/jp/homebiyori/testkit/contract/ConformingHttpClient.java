package jp.homebiyori.testkit.contract;

import jp.homebiyori.common.http.DelegatingHttpClient;

import javax.net.ssl.SSLSession;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;

/**
 * An {@link HttpClient} for the generated clients in tests: sends through a real client, checks every
 * answer against the contract ({@link SpecConformance}), then hands the same bytes to the caller's body
 * handler. A response that drifts from the spec fails the test that caused it, whatever that test asserts.
 */
public final class ConformingHttpClient extends DelegatingHttpClient {

    private final Spec spec;

    private ConformingHttpClient(HttpClient delegate, Spec spec) {
        super(delegate);
        this.spec = spec;
    }

    /** A builder for a generated {@code ApiClient#setHttpClientBuilder}: every client it builds checks {@code spec}. */
    public static HttpClient.Builder builder(Spec spec) {
        return DelegatingHttpClient.builder(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)),
                real -> new ConformingHttpClient(real, spec));
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException, InterruptedException {
        HttpResponse<byte[]> raw = delegate.send(request, HttpResponse.BodyHandlers.ofByteArray());
        byte[] bytes = raw.body() == null ? new byte[0] : raw.body();
        SpecConformance.assertConforms(spec, request.method(), request.uri().getRawPath(), raw.statusCode(),
                raw.headers().map(), new String(bytes, StandardCharsets.UTF_8));
        return new Buffered<>(raw, replay(raw, bytes, handler));
    }

    /** Feeds the buffered body to the caller's handler as one chunk, when it asks for it. */
    private static <T> T replay(HttpResponse<byte[]> raw, byte[] bytes, HttpResponse.BodyHandler<T> handler) throws IOException {
        HttpResponse.ResponseInfo info = new HttpResponse.ResponseInfo() {
            @Override
            public int statusCode() {
                return raw.statusCode();
            }

            @Override
            public HttpHeaders headers() {
                return raw.headers();
            }

            @Override
            public HttpClient.Version version() {
                return raw.version();
            }
        };
        HttpResponse.BodySubscriber<T> subscriber = handler.apply(info);
        subscriber.onSubscribe(new Flow.Subscription() {
            private boolean done;

            @Override
            public synchronized void request(long n) {
                if (!done && n > 0) {
                    done = true;
                    if (bytes.length > 0) {
                        subscriber.onNext(List.of(ByteBuffer.wrap(bytes)));
                    }
                    subscriber.onComplete();
                }
            }

            @Override
            public synchronized void cancel() {
                done = true;
            }
        });
        try {
            return subscriber.getBody().toCompletableFuture().get();
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private record Buffered<T>(HttpResponse<byte[]> raw, T body) implements HttpResponse<T> {
        @Override
        public int statusCode() {
            return raw.statusCode();
        }

        @Override
        public HttpRequest request() {
            return raw.request();
        }

        @Override
        public Optional<HttpResponse<T>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public HttpHeaders headers() {
            return raw.headers();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return raw.sslSession();
        }

        @Override
        public URI uri() {
            return raw.uri();
        }

        @Override
        public HttpClient.Version version() {
            return raw.version();
        }
    }
}
