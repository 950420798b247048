package jp.homebiyori.common.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Time as the product sees it: every timestamp is ISO-8601 at +09:00 and every "one per day" rule uses
 * the JST calendar day. Wraps a {@link Clock}: the one clock of the whole backend (injected everywhere,
 * so a test can stand at 23:59:59 JST or move a subscription through two years — testkit's
 * {@code SimulatedClock}).
 */
public final class JstClock {

    public static final ZoneId JST = ZoneId.of("Asia/Tokyo");
    public static final ZoneOffset OFFSET = ZoneOffset.ofHours(9);

    /** Fixed-width ISO-8601 with milliseconds, so stored timestamps sort as strings in time order. */
    public static final DateTimeFormatter STORED = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

    private final Clock clock;

    public JstClock(Clock clock) {
        this.clock = clock;
    }

    public static JstClock system() {
        return new JstClock(Clock.systemUTC());
    }

    /** The clock underneath, for libraries that take a {@link Clock} (Stripe's signature check). */
    public Clock clock() {
        return clock;
    }

    public Instant instant() {
        return clock.instant();
    }

    /** Now at +09:00, to the millisecond. */
    public OffsetDateTime now() {
        return toJst(clock.instant());
    }

    /** Today's JST calendar date. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), JST);
    }

    public static OffsetDateTime toJst(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).atOffset(OFFSET);
    }

    /** {@code time} at +09:00 in the fixed stored format. */
    public static String format(OffsetDateTime time) {
        return STORED.format(time.toInstant().atOffset(OFFSET));
    }

    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, JST);
    }

    /** The first instant of a JST day. */
    public static Instant startOf(LocalDate jstDate) {
        return jstDate.atStartOfDay(JST).toInstant();
    }
}
