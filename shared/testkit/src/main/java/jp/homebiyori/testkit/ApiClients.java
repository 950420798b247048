package jp.homebiyori.testkit;

import jp.homebiyori.testkit.contract.ConformingHttpClient;
import jp.homebiyori.testkit.contract.Spec;

import java.net.http.HttpRequest;
import java.util.function.Consumer;

/**
 * The generated Java clients, pointed at a running server, with the caller's credentials added by a
 * request interceptor (the generated clients add no auth header by themselves). Every answer they get
 * is checked against its contract ({@link ConformingHttpClient}): a response that drifts from the spec
 * fails the test that caused it.
 */
public final class ApiClients {

    private ApiClients() {
    }

    /** A user-API client for {@code port}, sending {@code bearer} if not null. */
    public static jp.homebiyori.client.user.ApiClient user(int port, String bearer) {
        jp.homebiyori.client.user.ApiClient client = new jp.homebiyori.client.user.ApiClient()
                .setHttpClientBuilder(ConformingHttpClient.builder(Spec.USER))
                .setHost("127.0.0.1").setPort(port).setScheme("http");
        client.setRequestInterceptor(auth(bearer));
        return client;
    }

    /** An admin-API client for {@code port}, sending {@code bearer} if not null. */
    public static jp.homebiyori.client.admin.ApiClient admin(int port, String bearer) {
        jp.homebiyori.client.admin.ApiClient client = new jp.homebiyori.client.admin.ApiClient()
                .setHttpClientBuilder(ConformingHttpClient.builder(Spec.ADMIN))
                .setHost("127.0.0.1").setPort(port).setScheme("http");
        client.setRequestInterceptor(auth(bearer));
        return client;
    }

    /** An internal-API client for {@code port} with the given key and source headers (null: omitted). */
    public static jp.homebiyori.client.internal.ApiClient internal(int port, String apiKey, String source) {
        jp.homebiyori.client.internal.ApiClient client = new jp.homebiyori.client.internal.ApiClient()
                .setHttpClientBuilder(ConformingHttpClient.builder(Spec.INTERNAL))
                .setHost("127.0.0.1").setPort(port).setScheme("http");
        client.setRequestInterceptor(b -> {
            if (apiKey != null) {
                b.setHeader("X-API-Key", apiKey);
            }
            if (source != null) {
                b.setHeader("X-Source-Lambda", source);
            }
        });
        return client;
    }

    private static Consumer<HttpRequest.Builder> auth(String bearer) {
        return b -> {
            if (bearer != null) {
                b.setHeader("Authorization", "Bearer " + bearer);
            }
        };
    }
}
