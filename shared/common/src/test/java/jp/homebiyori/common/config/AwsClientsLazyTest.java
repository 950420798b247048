package jp.homebiyori.common.config;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.utils.SdkAutoCloseable;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link AwsClients#lazy}: a client built by its first call, once, closed only if built. */
class AwsClientsLazyTest {

    /** The shape of an SDK client: an interface whose operations are default methods the real client overrides. */
    interface Pinger extends SdkAutoCloseable {
        default String ping(String who) {
            throw new UnsupportedOperationException();
        }

        default void fail() {
            throw new UnsupportedOperationException();
        }
    }

    static final class RealPinger implements Pinger {
        final List<String> calls = new ArrayList<>();

        @Override
        public String ping(String who) {
            calls.add(who);
            return "pong " + who;
        }

        @Override
        public void fail() {
            throw new IllegalStateException("service said no");
        }

        @Override
        public void close() {
            calls.add("close");
        }
    }

    /** A lazy Pinger whose builds {@code built} counts. */
    private static Pinger counted(AtomicInteger built, java.util.function.Supplier<Pinger> build) {
        return AwsClients.lazy(Pinger.class, () -> {
            built.incrementAndGet();
            return build.get();
        });
    }

    @Test
    void nothingIsBuiltUntilTheFirstCall_thenTheOneClientServesEveryCall() {
        AtomicInteger built = new AtomicInteger();
        RealPinger real = new RealPinger();
        Pinger lazy = counted(built, () -> real);
        assertThat(built).hasValue(0);
        assertThat(lazy.toString()).isEqualTo("lazy Pinger");
        assertThat(lazy.equals(lazy)).isTrue();
        assertThat(lazy.equals(AwsClients.lazy(Pinger.class, () -> real))).isFalse();
        assertThat(lazy.hashCode()).isEqualTo(System.identityHashCode(lazy));
        assertThat(built).as("toString/equals/hashCode build nothing").hasValue(0);

        assertThat(lazy.ping("a")).isEqualTo("pong a");
        assertThat(lazy.ping("b")).isEqualTo("pong b");
        assertThat(built).hasValue(1);
        assertThat(real.calls).containsExactly("a", "b");
    }

    @Test
    void theServicesExceptions_reachTheCaller_unwrapped() {
        Pinger lazy = AwsClients.lazy(Pinger.class, RealPinger::new);
        assertThatThrownBy(lazy::fail).isExactlyInstanceOf(IllegalStateException.class).hasMessage("service said no");
    }

    @Test
    void close_closesABuiltClient_andBuildsNone() {
        AtomicInteger built = new AtomicInteger();
        Pinger never = counted(built, RealPinger::new);
        never.close();
        assertThat(built).hasValue(0);

        RealPinger real = new RealPinger();
        Pinger used = AwsClients.lazy(Pinger.class, () -> real);
        used.ping("x");
        used.close();
        assertThat(real.calls).containsExactly("x", "close");
    }

    @Test
    void aClientClosedBeforeItsFirstUse_isNotBuiltByALaterCall() {
        AtomicInteger built = new AtomicInteger();
        Pinger lazy = counted(built, RealPinger::new);
        lazy.close();
        assertThatThrownBy(() -> lazy.ping("late")).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThat(built).hasValue(0);
    }

    @Test
    void concurrentFirstCalls_buildOneClient() throws Exception {
        AtomicInteger built = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch building = new CountDownLatch(1);
        Pinger lazy = AwsClients.lazy(Pinger.class, () -> {
            built.incrementAndGet();
            building.countDown();
            try {
                // a slow build: the other callers arrive while it runs, and must wait for this one
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new RealPinger();
        });
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String who = "t" + i;
                answers.add(pool.submit(() -> {
                    go.await();
                    return lazy.ping(who);
                }));
            }
            go.countDown();
            assertThat(building.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            for (Future<String> answer : answers) {
                assertThat(answer.get()).startsWith("pong t");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(built).hasValue(1);
    }

    @Test
    void buildLazyClients_buildsTheUnbuilt_onlyOnce_andNeverAClosedOne() {
        AtomicInteger firstBuilds = new AtomicInteger();
        AtomicInteger builtBuilds = new AtomicInteger();
        AtomicInteger closedBuilds = new AtomicInteger();
        Pinger first = counted(firstBuilds, RealPinger::new);
        Pinger alreadyBuilt = counted(builtBuilds, RealPinger::new);
        alreadyBuilt.ping("a");
        Pinger closed = counted(closedBuilds, RealPinger::new);
        closed.close();

        assertThat(AwsClients.buildLazyClients()).isGreaterThanOrEqualTo(1);

        assertThat(firstBuilds).hasValue(1);
        assertThat(builtBuilds).hasValue(1);
        assertThat(closedBuilds).hasValue(0);
        assertThat(first.ping("b")).isEqualTo("pong b");
        assertThat(firstBuilds).as("the first call found it built").hasValue(1);
        assertThat(AwsClients.buildLazyClients()).as("nothing left to build").isZero();
    }

    @Test
    void buildLazyClients_buildsTheOthers_whenOneFails_thenReportsTheFailure_andItsFirstCallTriesAgain() {
        AtomicInteger failingBuilds = new AtomicInteger();
        AtomicInteger goodBuilds = new AtomicInteger();
        Pinger failing = counted(failingBuilds, () -> {
            if (failingBuilds.get() == 1) {
                throw new IllegalStateException("no region");
            }
            return new RealPinger();
        });
        Pinger good = counted(goodBuilds, RealPinger::new);

        assertThatThrownBy(AwsClients::buildLazyClients).hasMessage("no region");

        assertThat(goodBuilds).hasValue(1);
        assertThat(failing.ping("c")).isEqualTo("pong c");
        assertThat(failingBuilds).hasValue(2);
        assertThat(good.ping("d")).isEqualTo("pong d");
    }

    @Test
    void lazily_isTheSameLaziness_withoutAProxy() {
        AtomicInteger builds = new AtomicInteger();
        RealPinger real = new RealPinger();
        AwsClients.Lazy<Pinger> lazy = AwsClients.lazily(() -> {
            builds.incrementAndGet();
            return real;
        });
        assertThat(builds).hasValue(0);

        assertThat(lazy.get().ping("e")).isEqualTo("pong e");
        assertThat(lazy.get()).isSameAs(real);
        assertThat(builds).hasValue(1);
        lazy.close();
        assertThat(real.calls).containsExactly("e", "close");

        AwsClients.buildLazyClients();   // whatever other tests left unbuilt
        AtomicInteger neverBuilt = new AtomicInteger();
        AwsClients.Lazy<Pinger> unused = AwsClients.lazily(() -> {
            neverBuilt.incrementAndGet();
            return new RealPinger();
        });
        unused.close();
        assertThat(AwsClients.buildLazyClients()).isZero();
        assertThat(neverBuilt).as("closed before its first use: never built").hasValue(0);
        assertThatThrownBy(unused::get).isInstanceOf(IllegalStateException.class);
    }
}
