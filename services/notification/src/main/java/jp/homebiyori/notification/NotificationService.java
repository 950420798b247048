package jp.homebiyori.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.homebiyori.common.db.Page;
import jp.homebiyori.common.error.ApiException;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.domain.notification.Notification;
import jp.homebiyori.domain.notification.NotificationRepository;
import jp.homebiyori.domain.notification.NotificationType;

import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.logging.Logger;

/** Creating (internal API), listing and reading notifications. Kept 90 days. */
@ApplicationScoped
public class NotificationService {

    private static final Logger LOG = Logger.getLogger(NotificationService.class.getName());

    private final NotificationRepository notifications;
    private final JstClock clock;

    @Inject
    public NotificationService(NotificationRepository notifications, JstClock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    /** What another service asks to tell a user. */
    public record NewNotification(String userId, NotificationType type, String title, String message,
                                  Notification.Priority priority, String actionUrl, String dedupKey) {
    }

    public NotificationRepository.Created create(NewNotification request, String source) {
        OffsetDateTime now = clock.now();
        Notification notification = new Notification(request.userId(), UUID.randomUUID().toString(), request.type(),
                request.title().strip(), request.message().strip(), request.priority(), false, request.actionUrl(),
                now, now.plusDays(Notification.RETENTION_DAYS), null);
        NotificationRepository.Created created = notifications.create(notification, request.dedupKey());
        LOG.info("notification " + (created.duplicate() ? "already existed" : "created") + ": type="
                + request.type().id() + " source=" + source + " user=" + request.userId());
        return created;
    }

    public Page<Notification> list(String userId, int limit, String nextToken, boolean unreadOnly) {
        return notifications.list(userId, limit, nextToken, unreadOnly, clock.instant());
    }

    public long unreadCount(String userId) {
        return notifications.unreadCount(userId, clock.instant());
    }

    /** 404 for an unknown, expired or another user's notification — without saying which. */
    public Notification markRead(String userId, String notificationId) {
        return notifications.markRead(userId, notificationId, clock.now())
                .orElseThrow(() -> ApiException.notFound("no such notification"));
    }
}
