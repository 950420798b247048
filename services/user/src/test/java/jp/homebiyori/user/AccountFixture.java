package jp.homebiyori.user;

import jp.homebiyori.common.db.Table;
import jp.homebiyori.common.db.TableNames;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.domain.character.AiCharacter;
import jp.homebiyori.domain.character.Emotion;
import jp.homebiyori.domain.character.Mood;
import jp.homebiyori.domain.character.PraiseLevel;
import jp.homebiyori.domain.chat.ChatMessage;
import jp.homebiyori.domain.chat.ChatRepository;
import jp.homebiyori.domain.feedback.CancellationFeedback;
import jp.homebiyori.domain.feedback.FeedbackRepository;
import jp.homebiyori.domain.notification.Notification;
import jp.homebiyori.domain.notification.NotificationRepository;
import jp.homebiyori.domain.notification.NotificationType;
import jp.homebiyori.domain.stats.StatsRepository;
import jp.homebiyori.domain.subscription.Plan;
import jp.homebiyori.domain.subscription.Subscription;
import jp.homebiyori.domain.subscription.SubscriptionRepository;
import jp.homebiyori.domain.tree.Fruit;
import jp.homebiyori.domain.tree.FruitRepository;
import jp.homebiyori.domain.tree.TreeRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Seeds a user's data in every table through the real repositories, and counts by a scan of every
 * table the items that mention a user id (keys or any string attribute).
 */
final class AccountFixture {

    record Repositories(SubscriptionRepository subscriptions, TreeRepository trees, FruitRepository fruits,
                        ChatRepository chats, NotificationRepository notifications, FeedbackRepository feedback,
                        StatsRepository stats, DynamoDbClient dynamo, TableNames names, JstClock clock) {
    }

    private final Repositories r;

    AccountFixture(Repositories repositories) {
        this.r = repositories;
    }

    /** Subscription (live, monthly), tree, chats, fruits, notifications, feedback and today's activity. */
    void seed(String user, int chats, int fruits) throws Exception {
        OffsetDateTime now = r.clock().now();
        r.subscriptions().saveIfNotOlder(new Subscription(user, "cus_" + user, "sub_" + user, Plan.MONTHLY, "active",
                now.minusDays(3), now.plusDays(27), false, 1, now));
        r.trees().recordMessage(user, 40 * chats, r.clock().today(), now);
        r.trees().claimFruitOfDay(user, r.clock().today(), now);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Void>> writes = new ArrayList<>();
        for (int i = 0; i < chats; i++) {
            OffsetDateTime at = now.minusMinutes(i);
            writes.add(() -> {
                r.chats().save(new ChatMessage(user, UUID.randomUUID().toString(), ChatMessage.ChatType.INDIVIDUAL,
                        "今日もがんばった", List.of(new ChatMessage.CharacterReply(AiCharacter.TAMA, "えらいねえ")),
                        AiCharacter.TAMA, Mood.PRAISE, PraiseLevel.NORMAL, Emotion.JOY, false, 8, 1, Plan.MONTHLY,
                        at, ChatMessage.ttlFor(at, Plan.MONTHLY)));
                return null;
            });
        }
        for (int i = 0; i < fruits; i++) {
            OffsetDateTime at = now.minusDays(i);
            writes.add(() -> {
                r.fruits().save(new Fruit(user, UUID.randomUUID().toString(), "子どもが初めて歩いた日", "すばらしいねえ",
                        AiCharacter.TAMA, Emotion.ACCOMPLISHMENT, AiCharacter.TAMA.color(), at, 0, null));
                return null;
            });
        }
        for (Future<Void> f : pool.invokeAll(writes)) {
            f.get();
        }
        pool.shutdown();
        for (int i = 0; i < 3; i++) {
            r.notifications().create(new Notification(user, UUID.randomUUID().toString(), NotificationType.PAYMENT_SUCCEEDED,
                    "お支払い完了", "ありがとうございます", Notification.Priority.NORMAL, false, null, now.minusHours(i),
                    now.minusHours(i).plusDays(Notification.RETENTION_DAYS), null), "seed-" + i);
        }
        r.feedback().save(new CancellationFeedback(user, CancellationFeedback.ReasonCategory.PRICE, "高い", 3, null, now.minusMonths(2)));
        r.feedback().save(new CancellationFeedback(user, CancellationFeedback.ReasonCategory.OTHER, null, 4, null, now));
        r.stats().messageSent(user, r.clock().today());
    }

    /** Per table, the number of items that mention {@code user} anywhere in a string or string set. */
    Map<Table, Integer> itemsOf(String user) {
        Map<Table, Integer> counts = new EnumMap<>(Table.class);
        for (Table table : Table.values()) {
            int n = (int) r.dynamo().scanPaginator(b -> b.tableName(r.names().of(table))).items().stream()
                    .filter(item -> mentions(item, user) && !isDeletionMarker(item)).count();
            counts.put(table, n);
        }
        return counts;
    }

    /** The marker that voids the deleted user's tokens (the sub and a time, for a day) is not user data. */
    static boolean isDeletionMarker(Map<String, AttributeValue> item) {
        AttributeValue pk = item.get(Table.PK);
        return pk != null && pk.s() != null && pk.s().startsWith("DELETED_USER#");
    }

    private static boolean mentions(Map<String, AttributeValue> item, String user) {
        return item.values().stream().anyMatch(v -> (v.s() != null && v.s().contains(user))
                || (v.hasSs() && v.ss().stream().anyMatch(s -> s.contains(user))));
    }
}
