package jp.homebiyori.common.config;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Builds AWS SDK clients the same way everywhere: region, the light URL-connection HTTP client,
 * timeouts, and — for a local stand-in ({@code endpoint} set) — that endpoint with dummy credentials.
 */
public final class AwsClients {

    private AwsClients() {
    }

    public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(
            B builder, String region, Optional<String> endpoint, Duration callTimeout) {
        return build(builder, region, endpoint, callTimeout, java.util.List.of());
    }

    /** As above, with SDK execution interceptors (e.g. a test's call counter). */
    public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(
            B builder, String region, Optional<String> endpoint, Duration callTimeout,
            java.util.List<software.amazon.awssdk.core.interceptor.ExecutionInterceptor> interceptors) {
        builder.region(Region.of(region))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(callTimeout))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(callTimeout.multipliedBy(2))
                        .apiCallAttemptTimeout(callTimeout)
                        .executionInterceptors(interceptors)
                        .build());
        if (endpoint.isPresent() && !endpoint.get().isBlank()) {
            builder.endpointOverride(URI.create(endpoint.get()))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder.build();
    }
}
