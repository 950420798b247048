package jp.homebiyori.lambda;

import com.amazonaws.serverless.proxy.model.AwsProxyRequest;
import com.amazonaws.serverless.proxy.model.HttpApiV2ProxyRequest;
import jakarta.validation.ValidatorFactory;
import org.glassfish.jersey.server.ApplicationHandler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The second thread of a cold start ({@link Preinitializer}): what it warms is what the handlers use. */
class PreinitializerTest {

    @BeforeAll
    static void start() {
        LambdaTestStack.start();
    }

    @Test
    void sampleEvents_areReadByTheContainersMapper_withTheirNestedParts() throws Exception {
        AwsProxyRequest rest = Preinitializer.containerJson(AwsProxyRequest.class);
        assertThat(rest.getPath()).isEqualTo("/api/preinit");
        assertThat(rest.getMultiValueHeaders().getFirst("Accept")).isEqualTo("application/json");
        assertThat(rest.getRequestContext().getIdentity().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(rest.getRequestContext().getAuthorizer().getClaims().getSubject()).isEqualTo("preinit");

        HttpApiV2ProxyRequest httpApi = Preinitializer.containerJson(HttpApiV2ProxyRequest.class);
        assertThat(httpApi.getRawPath()).isEqualTo("/api/preinit");
        assertThat(httpApi.getRequestContext().getHttp().getMethod()).isEqualTo("POST");
        assertThat(httpApi.getRequestContext().getAuthorizer().getJwtAuthorizer().getClaims()).containsEntry("sub", "preinit");
    }

    @Test
    void jersey_isGivenThePreinitializedValidatorFactory_notOneOfItsOwn() {
        ApplicationHandler jersey = new ApplicationHandler(Backend.application());

        ValidatorFactory used = jersey.getInjectionManager().getInstance(ValidatorFactory.class);
        assertThat(used).isSameAs(Preinitializer.validation().get().factory());
        assertThat(jersey.getInjectionManager().getInstance(jakarta.validation.Configuration.class))
                .isSameAs(Preinitializer.validation().get().configuration());
    }

    @Test
    void shared_isComputedOnce_byTheSecondThreadOrTheFirstCaller() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        List<Thread> callers = new ArrayList<>();
        List<Object> results = java.util.Collections.synchronizedList(new ArrayList<>());
        Preinitializer.Shared<Object> shared = Preinitializer.share("test", () -> {
            runs.incrementAndGet();
            Thread.sleep(50);   // long enough for the callers to arrive while it runs
            return new Object();
        });
        for (int i = 0; i < 4; i++) {
            callers.add(Thread.ofPlatform().start(() -> results.add(shared.get())));
        }
        for (Thread caller : callers) {
            caller.join(10_000);
        }

        assertThat(runs).hasValue(1);
        assertThat(results).hasSize(4).allMatch(r -> r == results.get(0));
        assertThat(shared.isDone()).isTrue();
    }

    @Test
    void shared_failure_reachesTheCaller_asItWasThrown_andTheNextCallerTriesAgain() {
        IllegalStateException thrown = new IllegalStateException("no provider");
        AtomicInteger runs = new AtomicInteger();
        Preinitializer.Shared<String> shared = Preinitializer.share("failing once", () -> {
            if (runs.incrementAndGet() == 1) {
                throw thrown;
            }
            return "made";
        });

        assertThatThrownBy(shared::get).isSameAs(thrown);
        assertThat(shared.get()).isEqualTo("made");
        assertThat(shared.get()).isEqualTo("made");
        assertThat(runs).hasValue(2);
    }

    @Test
    void awaitIdle_returnsOnceEverythingGivenBeforeIsDone() {
        AtomicInteger done = new AtomicInteger();
        Preinitializer.warm("a slow one", () -> {
            Thread.sleep(100);
            done.incrementAndGet();
        });

        assertThat(Preinitializer.awaitIdle(java.time.Duration.ofSeconds(10))).isTrue();
        assertThat(done).hasValue(1);
    }

    @Test
    void warming_thatFails_isLoggedAndLeavesTheThreadWorking() throws Exception {
        Logger log = Logger.getLogger(Preinitializer.class.getName());
        List<LogRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override public void publish(LogRecord record) { records.add(record); }
            @Override public void flush() { }
            @Override public void close() { }
        };
        log.addHandler(capture);
        try {
            CountDownLatch after = new CountDownLatch(1);
            Preinitializer.warm("a broken cache", () -> {
                throw new java.io.IOException("broken");
            });
            Preinitializer.warm("the next one", after::countDown);

            assertThat(after.await(10, TimeUnit.SECONDS)).as("the thread ran the next task").isTrue();
            assertThat(records).anySatisfy(r -> {
                assertThat(r.getLevel()).isEqualTo(Level.WARNING);
                assertThat(r.getMessage()).contains("a broken cache");
                assertThat(r.getThrown()).hasMessage("broken");
            });
        } finally {
            log.removeHandler(capture);
        }
    }
}
