package jp.homebiyori.domain.stats;

import jp.homebiyori.domain.subscription.Plan;

import java.time.LocalDate;

/**
 * The admin dashboard's figures, kept up to date at write time by atomic counters (no table scans per
 * request): totals, and per JST day the messages, fruits and the set of active users.
 */
public interface StatsRepository {

    void userCreated();

    void userOnboarded();

    /** A deleted account leaves every total it was counted in. */
    void userDeleted(boolean onboarded, Plan entitledPlan, boolean cancelScheduled, LocalDate today);

    /** Takes a deleted user out of the recent days' active-user sets (no id outlives its account). */
    void forgetActiveUser(String userId, LocalDate today);

    /** One message (or stamp) sent by {@code userId} on a JST day. */
    void messageSent(String userId, LocalDate day);

    void fruitGrown(LocalDate day);

    /** A user's entitled plan went from {@code from} to {@code to} (FREE when not premium). */
    void premiumChanged(Plan from, Plan to);

    /** +1 when a cancellation is scheduled, −1 when it is undone or the subscription ends. */
    void cancellationScheduledChanged(int delta);

    /** Totals plus today's and the last seven days' figures, read in one batch. */
    Snapshot snapshot(LocalDate today);

    /** The figures of the dashboard. */
    record Snapshot(LocalDate day, long totalUsers, long onboardedUsers, long premiumMonthly, long premiumYearly,
                    long cancellationsScheduled, long messagesToday, long fruitsToday, long activeUsers7d) {
    }
}
