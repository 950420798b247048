package jp.homebiyori.common.maintenance;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The maintenance switch: enabled, the message users see, and the planned window. It is in force
 * while enabled and now lies in [start, end) — an open bound is no bound, so an expired window ends
 * maintenance by itself even if nobody switches it off.
 */
public record MaintenanceStatus(boolean enabled, String message, OffsetDateTime startTime, OffsetDateTime endTime) {

    public static final String DEFAULT_MESSAGE = "ただいまメンテナンス中です。しばらくしてからもう一度お試しください。";
    public static final MaintenanceStatus OFF = new MaintenanceStatus(false, DEFAULT_MESSAGE, null, null);

    public boolean inForceAt(Instant now) {
        return enabled
                && (startTime == null || !now.isBefore(startTime.toInstant()))
                && (endTime == null || now.isBefore(endTime.toInstant()));
    }

    /** Seconds a client should wait: until the planned end (at least 60), else 300. */
    public long retryAfterSeconds(Instant now) {
        return Optional.ofNullable(endTime)
                .map(end -> Math.max(60, end.toEpochSecond() - now.getEpochSecond()))
                .orElse(300L);
    }
}
