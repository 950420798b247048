package jp.homebiyori.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.homebiyori.api.user.NotificationsApi;
import jp.homebiyori.api.user.model.Notification;
import jp.homebiyori.api.user.model.NotificationPage;
import jp.homebiyori.api.user.model.NotificationPriority;
import jp.homebiyori.api.user.model.NotificationType;
import jp.homebiyori.api.user.model.UnreadCount;
import jp.homebiyori.common.auth.CurrentCaller;
import jp.homebiyori.common.db.Page;

/** The user's notifications: newest first, unread count, mark read (another user's id is a 404). */
@ApplicationScoped
public class NotificationsResource implements NotificationsApi {

    private final NotificationService notifications;
    private final CurrentCaller caller;

    @Inject
    public NotificationsResource(NotificationService notifications, CurrentCaller caller) {
        this.notifications = notifications;
        this.caller = caller;
    }

    @Override
    public NotificationPage listNotifications(Integer limit, String nextToken, Boolean unreadOnly) {
        Page<jp.homebiyori.domain.notification.Notification> page = notifications.list(caller.userId(),
                limit == null ? 20 : limit, nextToken, Boolean.TRUE.equals(unreadOnly));
        return new NotificationPage().items(page.items().stream().map(NotificationsResource::toApi).toList())
                .nextToken(page.nextToken());
    }

    @Override
    public Notification markNotificationRead(String notificationId) {
        return toApi(notifications.markRead(caller.userId(), notificationId));
    }

    @Override
    public UnreadCount getUnreadCount() {
        return new UnreadCount().unreadCount(notifications.unreadCount(caller.userId()));
    }

    private static Notification toApi(jp.homebiyori.domain.notification.Notification n) {
        return new Notification()
                .notificationId(n.notificationId())
                .type(NotificationType.fromValue(n.type().id()))
                .title(n.title())
                .message(n.message())
                .priority(NotificationPriority.fromValue(n.priority().id()))
                .isRead(n.read())
                .actionUrl(n.actionUrl())
                .createdAt(n.createdAt())
                .expiresAt(n.expiresAt())
                .readAt(n.readAt());
    }
}
