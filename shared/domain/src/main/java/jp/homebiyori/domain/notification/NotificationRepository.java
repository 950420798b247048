package jp.homebiyori.domain.notification;

import jp.homebiyori.common.db.Page;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/** Notifications in the notifications table, newest first; expired ones are never returned. */
public interface NotificationRepository {

    /**
     * Stores {@code notification}. With a {@code dedupKey}, a second call with the same key for the same
     * user stores nothing and returns the first notification (retried webhooks and queue messages).
     */
    Created create(Notification notification, String dedupKey);

    Page<Notification> list(String userId, int limit, String nextToken, boolean unreadOnly, Instant now);

    long unreadCount(String userId, Instant now);

    /** Marks the user's notification read; empty for an unknown, expired or another user's id. */
    Optional<Notification> markRead(String userId, String notificationId, OffsetDateTime now);

    /** The stored notification and whether it was already there. */
    record Created(Notification notification, boolean duplicate) {
    }
}
