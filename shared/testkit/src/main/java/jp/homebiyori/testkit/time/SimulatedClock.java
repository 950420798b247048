package jp.homebiyori.testkit.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test moves, like Stripe's test clocks: it follows the system clock until {@link #set} stands
 * it at an instant, then stays there until moved again ({@link #advance}, {@link #set}) or let go
 * ({@link #followSystem}). One instance is the backend's whole notion of time when
 * {@link SimulatedClockExtension} is registered (it replaces the system JST clock bean), so renewals,
 * period ends, JST midnights and expiries can be reached without waiting.
 */
public final class SimulatedClock extends Clock {

    /** The clock of the test JVM (the one {@link SimulatedClockExtension} installs). */
    public static final SimulatedClock SHARED = new SimulatedClock();

    private volatile Instant fixed;

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the simulated clock is UTC; JstClock turns it into JST");
    }

    @Override
    public Instant instant() {
        Instant at = fixed;
        return at != null ? at : Instant.now();
    }

    /** Stands the clock at {@code instant}; it stays there until moved. Going back is allowed (a new life). */
    public void set(Instant instant) {
        fixed = instant;
    }

    /** Moves the clock forward (from now, if it was following the system clock). */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time only moves forward with advance(); use set() to start over");
        }
        fixed = instant().plus(duration);
    }

    /** Back to the system clock. */
    public void followSystem() {
        fixed = null;
    }
}
