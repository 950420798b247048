package jp.homebiyori.testkit.time;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.inject.Singleton;
import jp.homebiyori.common.time.ClockProducer;
import jp.homebiyori.common.time.JstClock;

/**
 * A CDI extension for tests that replaces the system clock bean ({@link ClockProducer}) by one on
 * {@link SimulatedClock#SHARED}: every service of the container then reads the time a test sets.
 * Register it where a test needs it — {@code @AddExtension(SimulatedClockExtension.class)} on a
 * {@code @HelidonTest}, or a {@code META-INF/services/jakarta.enterprise.inject.spi.Extension} entry in a
 * test module's resources; until a test sets the clock it follows the system clock, so other tests of
 * the module see no difference.
 */
public class SimulatedClockExtension implements Extension {

    /** The backend's clock in a container with this extension. */
    public static final JstClock JST_CLOCK = new JstClock(SimulatedClock.SHARED);

    void replaceSystemClock(@Observes ProcessAnnotatedType<ClockProducer> producer) {
        producer.veto();
    }

    void addSimulatedClock(@Observes AfterBeanDiscovery discovery) {
        discovery.addBean().types(JstClock.class, Object.class).scope(Singleton.class)
                .beanClass(SimulatedClockExtension.class).createWith(context -> JST_CLOCK);
    }
}
