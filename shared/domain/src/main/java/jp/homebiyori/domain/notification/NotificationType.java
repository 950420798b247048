package jp.homebiyori.domain.notification;

import java.util.Arrays;
import java.util.Optional;

/** The notification types of domain.md. */
public enum NotificationType {
    SUBSCRIPTION_CANCELED("subscription_canceled"),
    SUBSCRIPTION_REACTIVATED("subscription_reactivated"),
    PAYMENT_SUCCEEDED("payment_succeeded"),
    PAYMENT_FAILED("payment_failed"),
    PLAN_CHANGED("plan_changed"),
    PLAN_CHANGE_COMPLETED("plan_change_completed"),
    SYSTEM_MAINTENANCE("system_maintenance");

    private final String id;

    NotificationType(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<NotificationType> fromId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }
}
