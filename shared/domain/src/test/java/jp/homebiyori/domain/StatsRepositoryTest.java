package jp.homebiyori.domain;

import jp.homebiyori.domain.stats.StatsRepository.Snapshot;
import jp.homebiyori.domain.stats.dynamo.DynamoStatsRepository;
import jp.homebiyori.domain.subscription.Plan;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class StatsRepositoryTest {

    private final DomainTables tables = new DomainTables();
    private final DynamoStatsRepository stats = new DynamoStatsRepository(tables.dynamo, tables.names);
    private final LocalDate today = LocalDate.of(2026, 11, 26);

    @Test
    void countersStayExact_underConcurrentWrites() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Void>> calls = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            int n = i;
            calls.add(() -> {
                stats.userCreated();
                stats.messageSent("u" + (n % 10), today);
                if (n % 3 == 0) {
                    stats.fruitGrown(today);
                }
                return null;
            });
        }
        for (Future<Void> f : pool.invokeAll(calls)) {
            f.get();
        }
        pool.shutdown();
        Snapshot s = stats.snapshot(today);
        assertThat(s.totalUsers()).isEqualTo(60);
        assertThat(s.messagesToday()).isEqualTo(60);
        assertThat(s.fruitsToday()).isEqualTo(20);
        assertThat(s.activeUsers7d()).isEqualTo(10);
    }

    @Test
    void activeUsers_countEachUserOnceOverSevenDays_andForgetDeletedOnes() {
        stats.messageSent("a", today);
        stats.messageSent("a", today.minusDays(3));
        stats.messageSent("b", today.minusDays(6));
        stats.messageSent("c", today.minusDays(7));
        assertThat(stats.snapshot(today).activeUsers7d()).isEqualTo(2);
        stats.forgetActiveUser("a", today);
        assertThat(stats.snapshot(today).activeUsers7d()).isEqualTo(1);
    }

    @Test
    void premiumAndCancellationCounts_followTransitions() {
        stats.premiumChanged(Plan.FREE, Plan.MONTHLY);
        stats.premiumChanged(Plan.FREE, Plan.MONTHLY);
        stats.premiumChanged(Plan.MONTHLY, Plan.YEARLY);
        stats.cancellationScheduledChanged(1);
        stats.userCreated();
        stats.userOnboarded();
        stats.userDeleted(true, Plan.MONTHLY, true, today);
        Snapshot s = stats.snapshot(today);
        assertThat(s.premiumMonthly()).isZero();
        assertThat(s.premiumYearly()).isEqualTo(1);
        assertThat(s.cancellationsScheduled()).isZero();
        assertThat(s.totalUsers()).isZero();
        assertThat(s.onboardedUsers()).isZero();
    }
}
