package jp.homebiyori.bench;

import jp.homebiyori.common.db.Table;
import jp.homebiyori.common.db.TableNames;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.domain.chat.ChatRepository;
import jp.homebiyori.domain.subscription.Plan;
import jp.homebiyori.domain.subscription.Subscription;
import jp.homebiyori.domain.subscription.SubscriptionRepository;
import jp.homebiyori.ttlupdater.TtlUpdateMessage;
import jp.homebiyori.ttlupdater.TtlUpdater;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * ttl-updater at scale: {@code chats} chats of one user (seeded through ChatRepository.save, timed on
 * its own) re-TTL'd after a plan change by the real {@link TtlUpdater}, against dynalite, beside a
 * naive one-item-at-a-time loop (GetItem + UpdateItem per chat) in the same run; then the real updater
 * once more, so drift of the store over the run shows. Every pass is checked to have reached every chat.
 *
 * <pre>bench/run-ttl.sh [chats=100000] [seed-threads=16] [naive-limit-seconds=600]</pre>
 */
public final class TtlBench {

    private static final double LAMBDA_TIMEOUT_SECONDS = 300;

    private TtlBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> given = new java.util.HashMap<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            given.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        int chats = Integer.parseInt(given.getOrDefault("chats", "100000"));
        int seedThreads = Integer.parseInt(given.getOrDefault("seed-threads", "16"));
        Duration naiveLimit = Duration.ofSeconds(Long.parseLong(given.getOrDefault("naive-limit-seconds", "600")));
        System.out.println(Machine.describe());
        System.out.println("before: " + Machine.load());
        System.out.println("options: chats=" + chats + " seed-threads=" + seedThreads + " naive-limit=" + naiveLimit);
        int code = 0;
        try (BenchBackend backend = BenchBackend.start(Map.of())) {
            run(backend, chats, seedThreads, naiveLimit);
        } catch (RuntimeException e) {
            e.printStackTrace();
            code = 1;
        }
        System.out.println("after: " + Machine.load());
        System.exit(code);
    }

    private static void run(BenchBackend backend, int count, int seedThreads, Duration naiveLimit) throws InterruptedException {
        ChatRepository chats = backend.bean(ChatRepository.class);
        SubscriptionRepository subscriptions = backend.bean(SubscriptionRepository.class);
        TtlUpdater updater = backend.bean(TtlUpdater.class);
        JstClock clock = backend.bean(JstClock.class);
        DynamoCallTally tally = backend.bean(DynamoCallTally.class);
        ChatTable table = new ChatTable(backend.bean(DynamoDbClient.class), backend.bean(TableNames.class).of(Table.CHATS));
        String user = "ttl-bench-" + UUID.randomUUID();
        OffsetDateTime now = clock.now();

        tally.reset();
        Duration seeding = ChatSeeder.seed(chats, user, count, seedThreads, Plan.FREE, now, 29);
        report("seeding (ChatRepository.save, " + seedThreads + " threads)", count, seeding, tally);
        check(table, user, Plan.FREE, count);

        subscribe(subscriptions, user, Plan.YEARLY, "active", 1, clock);
        tally.reset();
        ChatTable.Pass real = realRewrite(updater, user, "free", "yearly", clock);
        report("real TtlUpdater.process (free -> yearly)", real.items(), real.wall(), tally);
        check(table, user, Plan.YEARLY, count);

        subscribe(subscriptions, user, Plan.YEARLY, "canceled", 2, clock);
        tally.reset();
        ChatTable.Pass naive = table.naiveRewrite(user, Plan.FREE, naiveLimit);
        report("naive GetItem+UpdateItem loop (yearly -> free)" + (naive.complete() ? "" : " STOPPED AT LIMIT"),
                naive.items(), naive.wall(), tally);
        if (naive.complete()) {
            check(table, user, Plan.FREE, count);
        }

        subscribe(subscriptions, user, Plan.MONTHLY, "active", 3, clock);
        tally.reset();
        ChatTable.Pass again = realRewrite(updater, user, "free", "monthly", clock);
        report("real TtlUpdater.process again (free -> monthly)", again.items(), again.wall(), tally);
        check(table, user, Plan.MONTHLY, count);

        summary(count, real, naive, again);
    }

    private static void summary(int count, ChatTable.Pass real, ChatTable.Pass naive, ChatTable.Pass again) {
        double best = Math.max(real.itemsPerSecond(), again.itemsPerSecond());
        System.out.printf("%nreal / naive: %.2f× (first run), %.2f× (second run); target ≥ 5×%n",
                real.itemsPerSecond() / naive.itemsPerSecond(), again.itemsPerSecond() / naive.itemsPerSecond());
        System.out.printf("real run time for %d chats: %.1f s and %.1f s = %.0f%% / %.0f%% of the %.0f s Lambda timeout%n",
                count, seconds(real.wall()), seconds(again.wall()), 100 * seconds(real.wall()) / LAMBDA_TIMEOUT_SECONDS,
                100 * seconds(again.wall()) / LAMBDA_TIMEOUT_SECONDS, LAMBDA_TIMEOUT_SECONDS);
        System.out.printf("naive, extrapolated to %d chats: %.0f s%n", count, count / naive.itemsPerSecond());
        System.out.printf("best real throughput %.0f items/s%n", best);
    }

    private static ChatTable.Pass realRewrite(TtlUpdater updater, String user, String from, String to, JstClock clock) {
        long start = System.nanoTime();
        int updated = updater.process(new TtlUpdateMessage(user, from, to, clock.now().toString(), "bench",
                UUID.randomUUID().toString()));
        return new ChatTable.Pass(updated, Duration.ofNanos(System.nanoTime() - start), true);
    }

    private static void subscribe(SubscriptionRepository subscriptions, String user, Plan plan, String status, long stateAt,
                                  JstClock clock) {
        OffsetDateTime now = clock.now();
        if (!subscriptions.saveIfNotOlder(new Subscription(user, "cus_bench", "sub_bench", plan, status,
                now.minusDays(1), now.plusDays(30), false, stateAt, now))) {
            throw new IllegalStateException("subscription not stored");
        }
    }

    private static void check(ChatTable table, String user, Plan plan, int expected) {
        long[] rightAndAll = table.countRetention(user, plan);
        System.out.printf("  check: %d of %d chats have TTL = created_at + %d days (expected %d)%n",
                rightAndAll[0], rightAndAll[1], plan.chatRetentionDays(), expected);
        if (rightAndAll[0] != expected || rightAndAll[1] != expected) {
            throw new IllegalStateException("a pass did not reach every chat");
        }
    }

    private static void report(String what, int items, Duration wall, DynamoCallTally tally) {
        System.out.printf("%-55s %7d items in %7.1f s = %7.0f items/s   DynamoDB calls %s%n", what, items, seconds(wall),
                items / seconds(wall), tally.snapshot());
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
