package jp.homebiyori.domain.notification.dynamo;

import jp.homebiyori.common.db.Attrs;
import jp.homebiyori.common.db.Table;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.domain.notification.Notification;
import jp.homebiyori.domain.notification.NotificationType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code USER#<id>} / {@code NOTIFICATION#<created_at>#<id>}; GSI1 {@code NOTIFICATION#<id>} / created_at;
 * {@code TTL} = expires_at. A dedup guard is {@code USER#<id>} / {@code DEDUP#<key>}.
 */
final class NotificationItem {

    private NotificationItem() {
    }

    static AttributeValue userKey(String userId) {
        return Attrs.s("USER#" + userId);
    }

    static AttributeValue sortKeyPrefix() {
        return Attrs.s("NOTIFICATION#");
    }

    static AttributeValue idKey(String notificationId) {
        return Attrs.s("NOTIFICATION#" + notificationId);
    }

    static Map<String, AttributeValue> key(Notification n) {
        return Map.of(Table.PK, userKey(n.userId()),
                Table.SK, Attrs.s("NOTIFICATION#" + JstClock.format(n.createdAt()) + "#" + n.notificationId()));
    }

    static Map<String, AttributeValue> guardKey(String userId, String dedupKey) {
        return Map.of(Table.PK, userKey(userId), Table.SK, Attrs.s("DEDUP#" + dedupKey));
    }

    static Map<String, AttributeValue> toItem(Notification n) {
        Map<String, AttributeValue> item = new HashMap<>(key(n));
        item.put(Table.GSI1PK, idKey(n.notificationId()));
        item.put(Table.GSI1SK, Attrs.time(n.createdAt()));
        item.put("user_id", Attrs.s(n.userId()));
        item.put("notification_id", Attrs.s(n.notificationId()));
        item.put("type", Attrs.s(n.type().id()));
        item.put("title", Attrs.s(n.title()));
        item.put("message", Attrs.s(n.message()));
        item.put("priority", Attrs.s(n.priority().id()));
        item.put("is_read", Attrs.bool(n.read()));
        Attrs.putIfPresent(item, "action_url", n.actionUrl());
        item.put("created_at", Attrs.time(n.createdAt()));
        item.put("expires_at", Attrs.time(n.expiresAt()));
        Attrs.putIfPresent(item, "read_at", n.readAt());
        item.put(Table.TTL, Attrs.n(n.expiresAt().toEpochSecond()));
        return item;
    }

    static Notification fromItem(Map<String, AttributeValue> item) {
        return new Notification(
                Attrs.str(item, "user_id"),
                Attrs.str(item, "notification_id"),
                NotificationType.fromId(Attrs.str(item, "type")).orElse(NotificationType.SYSTEM_MAINTENANCE),
                Attrs.str(item, "title"),
                Attrs.str(item, "message"),
                Notification.Priority.fromId(Attrs.str(item, "priority")),
                Attrs.bool(item, "is_read", false),
                Attrs.str(item, "action_url"),
                Attrs.time(item, "created_at"),
                Attrs.time(item, "expires_at"),
                Attrs.time(item, "read_at"));
    }
}
