package jp.homebiyori.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.homebiyori.api.internal.InternalNotificationsApi;
import jp.homebiyori.api.internal.model.CreateNotificationRequest;
import jp.homebiyori.api.internal.model.CreatedNotification;
import jp.homebiyori.api.internal.model.SourceLambda;
import jp.homebiyori.common.auth.CurrentCaller;
import jp.homebiyori.common.error.ApiException;
import jp.homebiyori.domain.notification.Notification;
import jp.homebiyori.domain.notification.NotificationRepository;
import jp.homebiyori.domain.notification.NotificationType;

/**
 * {@code POST /internal/notifications/create}: the key and source allow-list are checked by the
 * common authentication filter; here the body's {@code source_lambda} must equal the proven source.
 */
@ApplicationScoped
public class InternalNotificationsResource implements InternalNotificationsApi {

    private final NotificationService notifications;
    private final CurrentCaller caller;

    @Inject
    public InternalNotificationsResource(NotificationService notifications, CurrentCaller caller) {
        this.notifications = notifications;
        this.caller = caller;
    }

    @Override
    public CreatedNotification createNotification(SourceLambda source, CreateNotificationRequest body) {
        String proven = caller.serviceName();
        if (!proven.equals(source.toString()) || !proven.equals(body.getSourceLambda().toString())) {
            throw ApiException.forbidden("source_lambda must name the calling service");
        }
        NotificationRepository.Created created = notifications.create(new NotificationService.NewNotification(
                body.getUserId(),
                NotificationType.fromId(body.getType().toString()).orElseThrow(),
                body.getTitle(), body.getMessage(),
                Notification.Priority.fromId(body.getPriority().toString()),
                body.getActionUrl(), body.getDedupKey()), proven);
        Notification n = created.notification();
        return new CreatedNotification()
                .notificationId(n.notificationId())
                .userId(n.userId())
                .type(body.getType())
                .createdAt(n.createdAt())
                .expiresAt(n.expiresAt())
                .duplicate(created.duplicate());
    }
}
