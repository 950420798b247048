package jp.homebiyori.notification;

import io.helidon.microprofile.server.ServerCdiExtension;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jp.homebiyori.client.internal.ApiException;
import jp.homebiyori.client.internal.api.InternalNotificationsApi;
import jp.homebiyori.client.internal.model.CreateNotificationRequest;
import jp.homebiyori.client.internal.model.CreatedNotification;
import jp.homebiyori.client.internal.model.NotificationPriority;
import jp.homebiyori.client.internal.model.NotificationType;
import jp.homebiyori.client.internal.model.SourceLambda;
import jp.homebiyori.domain.notification.NotificationRepository;
import jp.homebiyori.testkit.ApiClients;
import jp.homebiyori.testkit.TestStack;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static jp.homebiyori.testkit.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The internal create operation through the generated internal client: key, allow-list, dedup. */
@HelidonTest
class InternalNotificationsResourceTest {

    @AddConfigSource
    static ConfigSource config() {
        return TestStack.configSource();
    }

    @Inject
    private ServerCdiExtension server;
    @Inject
    private NotificationRepository notifications;

    private InternalNotificationsApi client(String key, String source) {
        return new InternalNotificationsApi(ApiClients.internal(server.port(), key, source));
    }

    private static CreateNotificationRequest request(String user, SourceLambda source, String dedup) {
        return new CreateNotificationRequest().userId(user).type(NotificationType.PLAN_CHANGE_COMPLETED)
                .title("プラン変更完了").message("freeからmonthlyへの変更が完了しました")
                .priority(NotificationPriority.NORMAL).sourceLambda(source).dedupKey(dedup);
    }

    @Test
    void validKeyAndSource_creates201_andTheSameDedupKeyCreatesNothingNew() throws Exception {
        String user = "n-" + UUID.randomUUID();
        var api = client(TestStack.INTERNAL_API_KEY, "ttl-updater");
        var first = api.createNotificationWithHttpInfo(SourceLambda.TTL_UPDATER, request(user, SourceLambda.TTL_UPDATER, "msg-1"));
        assertThat(first.getStatusCode()).isEqualTo(201);
        CreatedNotification again = api.createNotification(SourceLambda.TTL_UPDATER, request(user, SourceLambda.TTL_UPDATER, "msg-1"));
        assertThat(again.getDuplicate()).isTrue();
        assertThat(again.getNotificationId()).isEqualTo(first.getData().getNotificationId());
        assertThat(again.getExpiresAt()).isEqualTo(first.getData().getCreatedAt().plusDays(90));
        assertThat(notifications.list(user, 10, null, false, Instant.now()).items()).hasSize(1);
    }

    @Test
    void missingOrWrongKey_is401_andWritesNothing() {
        String user = "k-" + UUID.randomUUID();
        for (String key : new String[] {null, "wrong-key", TestStack.INTERNAL_API_KEY + "x"}) {
            ApiException e = catchThrowableOfType(ApiException.class, () -> client(key, "ttl-updater")
                    .createNotification(SourceLambda.TTL_UPDATER, request(user, SourceLambda.TTL_UPDATER, null)));
            assertError(e.getCode(), e.getResponseBody(), 401, "UNAUTHORIZED");
        }
        assertThat(notifications.list(user, 10, null, false, Instant.now()).items()).isEmpty();
    }

    @Test
    void spoofedSourceHeaderWithoutKey_is401_sourceOffTheList_is403_andBodyMismatch_is403() {
        String user = "s-" + UUID.randomUUID();
        ApiException noKey = catchThrowableOfType(ApiException.class, () -> client(null, "webhook-service")
                .createNotification(SourceLambda.WEBHOOK_SERVICE, request(user, SourceLambda.WEBHOOK_SERVICE, null)));
        assertError(noKey.getCode(), noKey.getResponseBody(), 401, "UNAUTHORIZED");

        var raw = jp.homebiyori.testkit.RawHttp.send(server.port(), "POST", "/internal/notifications/create",
                "application/json", "{}", java.util.Map.of("X-API-Key", TestStack.INTERNAL_API_KEY, "X-Source-Lambda", "chat-service"));
        assertError(raw, 403, "FORBIDDEN");

        ApiException mismatch = catchThrowableOfType(ApiException.class, () -> client(TestStack.INTERNAL_API_KEY, "ttl-updater")
                .createNotification(SourceLambda.TTL_UPDATER, request(user, SourceLambda.WEBHOOK_SERVICE, null)));
        assertError(mismatch.getCode(), mismatch.getResponseBody(), 403, "FORBIDDEN");
        assertThat(notifications.list(user, 10, null, false, Instant.now()).items()).isEmpty();
    }

    @Test
    void userToken_onTheInternalApi_is401() {
        var raw = jp.homebiyori.testkit.RawHttp.send(server.port(), "POST", "/internal/notifications/create",
                "application/json", "{}", jp.homebiyori.testkit.RawHttp.bearer(TestStack.userToken("u1")));
        assertError(raw, 401, "UNAUTHORIZED");
    }

    @Test
    void invalidBody_is400_withTheField() {
        var raw = jp.homebiyori.testkit.RawHttp.send(server.port(), "POST", "/internal/notifications/create",
                "application/json", "{\"user_id\":\"bad id!\",\"type\":\"plan_changed\",\"title\":\"\",\"message\":\"m\",\"source_lambda\":\"ttl-updater\"}",
                java.util.Map.of("X-API-Key", TestStack.INTERNAL_API_KEY, "X-Source-Lambda", "ttl-updater"));
        var json = assertError(raw, 400, "VALIDATION_ERROR");
        assertThat(json.path("details").path("violations").toString()).contains("user_id").contains("title");
    }
}
