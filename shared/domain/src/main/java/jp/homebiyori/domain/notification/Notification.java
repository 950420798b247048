package jp.homebiyori.domain.notification;

import java.time.Instant;
import java.time.OffsetDateTime;

/** A notification for one user; it expires 90 days after creation and is never shown after that. */
public record Notification(String userId, String notificationId, NotificationType type, String title, String message,
                           Priority priority, boolean read, String actionUrl, OffsetDateTime createdAt,
                           OffsetDateTime expiresAt, OffsetDateTime readAt) {

    public static final int RETENTION_DAYS = 90;

    public enum Priority {
        LOW("low"), NORMAL("normal"), HIGH("high");

        private final String id;

        Priority(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Priority fromId(String id) {
            for (Priority p : values()) {
                if (p.id.equals(id)) {
                    return p;
                }
            }
            return NORMAL;
        }
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt.toInstant());
    }
}
