package jp.homebiyori.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.homebiyori.api.admin.model.Dashboard;
import jp.homebiyori.api.admin.model.PremiumBreakdown;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.domain.stats.StatsRepository;

/** The dashboard of the current JST day: one batch read of the statistics items, no table scans. */
@ApplicationScoped
public class DashboardService {

    private final StatsRepository stats;
    private final JstClock clock;

    @Inject
    public DashboardService(StatsRepository stats, JstClock clock) {
        this.stats = stats;
        this.clock = clock;
    }

    public Dashboard today() {
        StatsRepository.Snapshot s = stats.snapshot(clock.today());
        return new Dashboard()
                .date(s.day())
                .totalUsers(clampInt(s.totalUsers()))
                .onboardedUsers(clampInt(s.onboardedUsers()))
                .premiumUsers(new PremiumBreakdown()
                        .monthly(clampInt(s.premiumMonthly()))
                        .yearly(clampInt(s.premiumYearly()))
                        .total(clampInt(s.premiumMonthly() + s.premiumYearly())))
                .cancellationsScheduled(clampInt(s.cancellationsScheduled()))
                .messagesToday(Math.max(0, s.messagesToday()))
                .fruitsToday(Math.max(0, s.fruitsToday()))
                .activeUsers7d(clampInt(s.activeUsers7d()))
                .generatedAt(clock.now());
    }

    /** Counters are never negative in the answer, even if a repair left one below zero. */
    private static int clampInt(long value) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, value));
    }
}
