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
import java.util.List;
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

    /**
     * A client of interface {@code type} that is built by {@code build} on its first call, once: building an
     * SDK client loads ~700 classes and its HTTP and TLS stack (~0.2 s of a Lambda cold start), which a
     * request that never reaches the service (a 401, a health check) should not pay, whoever wires the beans.
     * {@code close()} closes the client only if it was built.
     */
    public static <T extends software.amazon.awssdk.utils.SdkAutoCloseable> T lazy(Class<T> type, java.util.function.Supplier<T> build) {
        Once<T> client = registered(new Once<>(build));
        Object proxy = java.lang.reflect.Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (self, method, args) -> {
            int arity = method.getParameterCount();
            switch (method.getName()) {
                case "close" -> {
                    if (arity == 0) {
                        client.closeIfBuilt();
                        return null;
                    }
                }
                case "toString" -> {
                    if (arity == 0) {
                        return "lazy " + type.getSimpleName();
                    }
                }
                case "hashCode" -> {
                    if (arity == 0) {
                        return System.identityHashCode(self);
                    }
                }
                case "equals" -> {
                    if (arity == 1 && method.getParameterTypes()[0] == Object.class) {
                        return self == args[0];
                    }
                }
                default -> {
                }
            }
            try {
                return method.invoke(client.get(), args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            }
        });
        return type.cast(proxy);
    }

    /**
     * The same laziness without a proxy, for code that can hold a supplier: a JDK proxy of an SDK client's
     * interface is generated at run time for all its operations (SSM's and Bedrock's: ~60 ms on a cold JVM,
     * every one of their request and response classes loaded), so the classes that call one or two operations
     * hold this instead.
     */
    public static <T extends software.amazon.awssdk.utils.SdkAutoCloseable> Lazy<T> lazily(java.util.function.Supplier<T> build) {
        return new Lazy<>(registered(new Once<>(build)));
    }

    /** A client built by its first {@link #get()}, once; {@link #close()} closes it only if it was built. */
    public static final class Lazy<T extends software.amazon.awssdk.utils.SdkAutoCloseable>
            implements java.util.function.Supplier<T>, AutoCloseable {
        private final Once<T> once;

        private Lazy(Once<T> once) {
            this.once = once;
        }

        @Override
        public T get() {
            return once.get();
        }

        @Override
        public void close() {
            once.closeIfBuilt();
        }

        /** Whether the client has been built. */
        public boolean isBuilt() {
            return once.client != null;
        }

        @Override
        public String toString() {
            return "lazy client";
        }
    }

    private static <T extends software.amazon.awssdk.utils.SdkAutoCloseable> Once<T> registered(Once<T> once) {
        synchronized (LAZY) {
            LAZY.add(once);
        }
        return once;
    }

    /** Every lazy client made (held weakly: a client nobody references is nobody's to build). */
    private static final java.util.Set<Once<?>> LAZY = java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());

    /**
     * Builds every lazy client made so far that is neither built nor closed, as its first call would; returns
     * how many it built. For a moment when nothing waits for it — before a Lambda SnapStart snapshot — so that
     * the first request that reaches a service does not build its client. A client
     * whose build fails is left unbuilt (its first call builds it again and reports the failure) and the
     * failure is rethrown after the others were built.
     */
    public static int buildLazyClients() {
        List<Once<?>> clients;
        synchronized (LAZY) {
            clients = List.copyOf(LAZY);
        }
        int built = 0;
        RuntimeException failure = null;
        for (Once<?> client : clients) {
            try {
                if (client.buildUnlessClosed()) {
                    built++;
                }
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return built;
    }

    /** A client built on first use, once. */
    private static final class Once<T extends software.amazon.awssdk.utils.SdkAutoCloseable> {
        private final java.util.function.Supplier<T> build;
        private volatile T client;

        Once(java.util.function.Supplier<T> build) {
            this.build = build;
        }

        private boolean closed;

        T get() {
            T built = client;
            if (built != null) {
                return built;
            }
            synchronized (this) {
                if (closed) {
                    throw new IllegalStateException("the client was closed before its first use");
                }
                if (client == null) {
                    client = java.util.Objects.requireNonNull(build.get(), "built client");
                }
                return client;
            }
        }

        /** Builds the client unless it is built or closed; true if this call built it. */
        synchronized boolean buildUnlessClosed() {
            if (closed || client != null) {
                return false;
            }
            get();
            return true;
        }

        synchronized void closeIfBuilt() {
            closed = true;
            if (client != null) {
                client.close();
            }
        }
    }
}
