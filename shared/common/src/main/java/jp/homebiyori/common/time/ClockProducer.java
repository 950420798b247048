package jp.homebiyori.common.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The system JST clock for injection. */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @jakarta.inject.Singleton
    public JstClock jstClock() {
        return JstClock.system();
    }
}
