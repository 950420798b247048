package jp.homebiyori.ttlupdater;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.homebiyori.client.internal.model.SourceLambda;
import jp.homebiyori.common.internal.InternalNotifier;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.domain.chat.ChatMessage;
import jp.homebiyori.domain.chat.ChatRepository;
import jp.homebiyori.domain.chat.ChatRepository.ChatKey;
import jp.homebiyori.domain.subscription.Plan;
import jp.homebiyori.domain.subscription.SubscriptionRepository;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Rewrites the TTL of every chat of a user to created_at + the retention of the plan in force, and the
 * conversation context's with them (turns the plan no longer keeps leave it), then tells the user through the internal API ("プラン変更完了"). The plan is read from the subscription at
 * processing time rather than taken from the message, so messages processed out of order (an upgrade
 * and a downgrade) still end at the right TTL; a rerun is harmless. A failed notification is logged,
 * not fatal.
 */
@ApplicationScoped
public class TtlUpdater {

    private static final Logger LOG = Logger.getLogger(TtlUpdater.class.getName());

    private final ChatRepository chats;
    private final SubscriptionRepository subscriptions;
    private final InternalNotifier notifier;
    private final JstClock clock;

    @Inject
    public TtlUpdater(ChatRepository chats, SubscriptionRepository subscriptions, InternalNotifier notifier, JstClock clock) {
        this.chats = chats;
        this.subscriptions = subscriptions;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** Processes one message; throws if the chats could not all be updated (the queue retries). */
    public int process(TtlUpdateMessage message) {
        Plan plan = subscriptions.findOrFree(message.userId()).effectivePlan(clock.instant());
        AtomicInteger updated = new AtomicInteger();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            chats.forEachPage(message.userId(), page -> updatePage(pool, page, plan, updated));
        }
        // the conversation context quotes chats: it keeps only turns the plan keeps, and expires with the oldest
        int turns = chats.retainContext(message.userId(), plan, clock.instant()).turns().size();
        LOG.info("TTL rewritten for user " + message.userId() + ": " + updated.get() + " chats and a context of "
                + turns + " turns, retention " + plan.chatRetentionDays() + " days");
        if (plan.id().equals(message.oldPlan())) {
            // a webhook retry re-sends the message of a state already stored; nothing changed for the user
            return updated.get();
        }
        notifier.notify(SourceLambda.TTL_UPDATER, new InternalNotifier.Request(message.userId(),
                "plan_change_completed", "プラン変更完了",
                planName(message.oldPlan()) + "から" + planName(plan.id()) + "への変更が完了しました。チャット履歴の保存期間は"
                        + plan.chatRetentionDays() + "日になりました。",
                "normal", "ttl:" + (message.requestId() == null ? message.userId() + ":" + message.timestamp() : message.requestId())));
        return updated.get();
    }

    /** One page of keys in parallel (bounded by the page size of the query, 100). */
    private void updatePage(ExecutorService pool, List<ChatKey> page, Plan plan, AtomicInteger updated) {
        List<Future<?>> writes = new ArrayList<>();
        for (ChatKey key : page) {
            writes.add(pool.submit(() -> chats.updateTtl(key, ChatMessage.ttlFor(key.createdAt(), plan))));
        }
        for (Future<?> write : writes) {
            try {
                write.get();
                updated.incrementAndGet();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("TTL update failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String planName(String plan) {
        return switch (plan == null ? "" : plan) {
            case "monthly" -> "月額プラン";
            case "yearly" -> "年額プラン";
            default -> "無料プラン";
        };
    }
}
