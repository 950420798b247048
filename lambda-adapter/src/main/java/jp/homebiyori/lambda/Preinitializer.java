package jp.homebiyori.lambda;

import com.amazonaws.serverless.proxy.internal.LambdaContainerHandler;
import com.amazonaws.serverless.proxy.model.AwsProxyResponse;
import com.amazonaws.serverless.proxy.model.Headers;
import com.amazonaws.serverless.proxy.model.HttpApiV2ProxyRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Configuration;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Work of a cold start done on a second thread while the init phase's main thread wires the beans and
 * builds the JAX-RS application — what Spring Boot's
 * {@code BackgroundPreinitializer} does for the same libraries. Lambda runs the init phase without the
 * memory-proportional CPU throttling of invocations, on two vCPUs; on one core the work is merely
 * done by the other thread.
 * <p>
 * Two kinds of work: <b>warm-ups</b>, whose results nobody asks for (the container's JSON reader of the
 * API Gateway event and writer of the response: Jackson keeps the (de)serialisers it builds in the
 * container's mapper, where the handler's own reader and writer then find them), and <b>shared results</b>
 * ({@link Shared}: the Bean Validation bootstrap Jersey is then given; the resources' object graphs, which
 * the init waits for so that one that cannot be made fails it). A shared result asked for before
 * the second thread reached it is computed by the thread that asks, never twice; one asked for while
 * the second thread computes it is waited for. Nothing given to this thread touches a class whose static
 * initialiser the main thread is still running (a handler class): no class-initialisation cycle between
 * the two threads ({@link Backend}'s work reaches it only once {@code Backend} is initialised). {@code HOMEBIYORI_LAMBDA_PREINITIALIZE=false} (environment) turns the second thread off: every
 * shared result is then computed where it is asked for, and nothing is warmed.
 */
final class Preinitializer {

    private static final Logger LOG = Logger.getLogger(Preinitializer.class.getName());
    static final String SWITCH = "HOMEBIYORI_LAMBDA_PREINITIALIZE";

    /** One daemon thread, gone a second after its last task: nothing of it outlives the init phase. */
    private static final ThreadPoolExecutor THREAD = new ThreadPoolExecutor(0, 1, 1, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), task -> Thread.ofPlatform().daemon().name("homebiyori-preinit").unstarted(task));

    /**
     * A REST API (v1) proxy event with what a real one carries (headers, the authorizer's claims, a body),
     * so that reading it builds every deserialiser a first event needs.
     */
    static final String SAMPLE_EVENT = """
            {"resource":"/{proxy+}","path":"/api/preinit","httpMethod":"POST",
             "headers":{"Accept":"application/json","Content-Type":"application/json"},
             "multiValueHeaders":{"Accept":["application/json"],"Content-Type":["application/json"]},
             "queryStringParameters":{"limit":"1"},"multiValueQueryStringParameters":{"limit":["1"]},
             "pathParameters":{"proxy":"api/preinit"},"stageVariables":null,
             "requestContext":{"resourceId":"preinit","resourcePath":"/{proxy+}","httpMethod":"POST",
              "requestId":"preinit","accountId":"000000000000","stage":"preinit","apiId":"preinit",
              "requestTimeEpoch":0,"protocol":"HTTP/1.1","path":"/preinit/api/preinit",
              "identity":{"sourceIp":"127.0.0.1","userAgent":"preinit"},
              "authorizer":{"claims":{"sub":"preinit","token_use":"id"}}},
             "body":"{}","isBase64Encoded":false}
            """;

    /** The same for an HTTP API (payload format 2.0) event. */
    static final String SAMPLE_HTTP_API_EVENT = """
            {"version":"2.0","routeKey":"$default","rawPath":"/api/preinit","rawQueryString":"limit=1",
             "cookies":[],"headers":{"accept":"application/json","content-type":"application/json"},
             "queryStringParameters":{"limit":"1"},
             "requestContext":{"accountId":"000000000000","apiId":"preinit","domainName":"preinit",
              "domainPrefix":"preinit","requestId":"preinit","routeKey":"$default","stage":"$default",
              "time":"01/Jan/2026:00:00:00 +0000","timeEpoch":0,
              "http":{"method":"POST","path":"/api/preinit","protocol":"HTTP/1.1","sourceIp":"127.0.0.1","userAgent":"preinit"},
              "authorizer":{"jwt":{"claims":{"sub":"preinit","token_use":"id"},"scopes":[]}}},
             "body":"{}","isBase64Encoded":false}
            """;

    private static Shared<BeanValidation> validation;

    private Preinitializer() {
    }

    /** Whether the second thread is used (the environment switch). */
    static boolean enabled() {
        return !"false".equalsIgnoreCase(System.getenv(SWITCH));
    }

    /**
     * Warms, on the second thread, what the first event needs before any bean: the container's JSON reader
     * of events of {@code requestType} and writer of responses, and the random source of request ids.
     */
    static void warmUp(Class<?> requestType) {
        warm("the container's JSON handling", () -> {
            containerJson(requestType);
            UUID.randomUUID();   // the SecureRandom behind request ids, seeded once
        });
    }

    /** Work done for its side effects (caches filled, classes initialised); a failure is logged, the first event then does that work. */
    @FunctionalInterface
    interface Warming {
        void run() throws Exception;
    }

    /** Runs {@code work} on the second thread (nowhere if it is off). */
    static void warm(String name, Warming work) {
        if (enabled()) {
            THREAD.execute(() -> {
                try {
                    work.run();
                } catch (Throwable e) {   // logged as a JSON line, not printed by a dying thread
                    LOG.log(Level.WARNING, "warming up " + name + " failed; the first event will do that work", e);
                }
            });
        }
    }

    /** Reads a sample event of {@code requestType} and writes a response as the container will: returns the event read. */
    static <T> T containerJson(Class<T> requestType) throws IOException {
        ObjectMapper mapper = LambdaContainerHandler.getObjectMapper();
        String sample = requestType == HttpApiV2ProxyRequest.class ? SAMPLE_HTTP_API_EVENT : SAMPLE_EVENT;
        T event = mapper.readerFor(requestType).readValue(sample.getBytes(StandardCharsets.UTF_8));
        Headers headers = new Headers();
        headers.putSingle("Content-Type", "application/json");
        mapper.writerFor(AwsProxyResponse.class).writeValueAsBytes(new AwsProxyResponse(200, headers, "{}"));
        return event;
    }

    /**
     * The Bean Validation bootstrap Jersey's own binding would make ({@code Validation.byDefaultProvider()
     * .configure()}, then its factory), started on the second thread by the first call; one per process.
     */
    static synchronized Shared<BeanValidation> validation() {
        if (validation == null) {
            validation = bootstrapValidation();
        }
        return validation;
    }

    private static Shared<BeanValidation> bootstrapValidation() {
        return share("Bean Validation", () -> {
            Configuration<?> configuration = Validation.byDefaultProvider().configure();
            ValidatorFactory factory = configuration.buildValidatorFactory();
            factory.getValidator();   // the metadata caches Jersey's validator reads
            return new BeanValidation(configuration, factory);
        });
    }

    /** What {@link #validation()} makes: the configuration and its factory, as Jersey's binding would inject them. */
    record BeanValidation(Configuration<?> configuration, ValidatorFactory factory) {
    }

    /** Starts {@code work} on the second thread; its result is {@link Shared#get() got} by whoever needs it. */
    static <T> Shared<T> share(String name, java.util.concurrent.Callable<T> work) {
        Shared<T> shared = new Shared<>(name, work);
        if (enabled()) {
            THREAD.execute(shared.task.get());
        }
        return shared;
    }

    /**
     * Waits until the second thread has done everything given to it so far (at most {@code timeout}); true if
     * it has. Before a SnapStart snapshot: what it makes belongs in the snapshot.
     */
    static boolean awaitIdle(java.time.Duration timeout) {
        if (!enabled()) {
            return true;
        }
        FutureTask<Void> marker = new FutureTask<>(() -> null);
        THREAD.execute(marker);   // one thread, first in first out: done when everything before it is
        try {
            marker.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    /**
     * A result of the second thread, or of the first caller if the second thread has not started it. A failure
     * reaches the caller that waited for it and is not kept: the next caller does the work again (a transient
     * failure of a bootstrap — an OutOfMemoryError while both threads allocate — must not fail every later
     * request of the function).
     */
    static final class Shared<T> {
        private final String name;
        private final java.util.concurrent.Callable<T> work;
        private final java.util.concurrent.atomic.AtomicReference<FutureTask<T>> task;

        private Shared(String name, java.util.concurrent.Callable<T> work) {
            this.name = name;
            this.work = work;
            this.task = new java.util.concurrent.atomic.AtomicReference<>(new FutureTask<>(work));
        }

        /** The result: computed here if nobody started it, waited for if the second thread is computing it. */
        T get() {
            FutureTask<T> current = task.get();
            current.run();   // does nothing if it already ran or is running
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        return current.get();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            } catch (ExecutionException e) {
                task.compareAndSet(current, new FutureTask<>(work));   // the next caller tries again
                // the failure as the caller would have met it doing the work itself
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(name + " failed", e.getCause());
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        boolean isDone() {
            return task.get().isDone();
        }
    }
}
