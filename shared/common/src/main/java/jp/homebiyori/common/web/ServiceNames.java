package jp.homebiyori.common.web;

import java.util.Map;

/** Which of the nine services owns a generated interface (its spec tag), for logs and metrics. */
public final class ServiceNames {

    private static final Map<String, String> BY_INTERFACE = Map.of(
            "HealthApi", "health-check",
            "ChatApi", "chat-service",
            "TreeApi", "tree-service",
            "UsersApi", "user-service",
            "BillingApi", "billing-service",
            "WebhookApi", "webhook-service",
            "NotificationsApi", "notification-service",
            "AdminApi", "admin-service",
            "InternalNotificationsApi", "notification-service");

    private ServiceNames() {
    }

    public static String forApi(Class<?> generatedInterface) {
        return BY_INTERFACE.getOrDefault(generatedInterface.getSimpleName(), "unknown");
    }
}
