package jp.homebiyori.common.maintenance;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class MaintenanceStatusTest {

    private static final OffsetDateTime START = OffsetDateTime.parse("2026-11-26T02:00:00+09:00");
    private static final OffsetDateTime END = OffsetDateTime.parse("2026-11-26T04:00:00+09:00");

    @Test
    void enabledWithoutWindow_isInForce_andRetryAfterIsFiveMinutes() {
        MaintenanceStatus status = new MaintenanceStatus(true, "m", null, null);
        assertThat(status.inForceAt(Instant.now())).isTrue();
        assertThat(status.retryAfterSeconds(Instant.now())).isEqualTo(300);
    }

    @Test
    void window_isHalfOpen_andExpiresByItself() {
        MaintenanceStatus status = new MaintenanceStatus(true, "m", START, END);
        assertThat(status.inForceAt(START.toInstant().minusSeconds(1))).isFalse();
        assertThat(status.inForceAt(START.toInstant())).isTrue();
        assertThat(status.inForceAt(END.toInstant().minusMillis(1))).isTrue();
        assertThat(status.inForceAt(END.toInstant())).isFalse();
    }

    @Test
    void retryAfter_countsDownToTheEnd_butNeverBelowAMinute() {
        MaintenanceStatus status = new MaintenanceStatus(true, "m", START, END);
        assertThat(status.retryAfterSeconds(END.toInstant().minusSeconds(3600))).isEqualTo(3600);
        assertThat(status.retryAfterSeconds(END.toInstant().minusSeconds(5))).isEqualTo(60);
    }

    @Test
    void disabled_isNeverInForce() {
        assertThat(new MaintenanceStatus(false, "m", null, null).inForceAt(Instant.now())).isFalse();
    }
}
