package jp.homebiyori.notification;

import io.helidon.microprofile.server.ServerCdiExtension;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jp.homebiyori.client.user.ApiException;
import jp.homebiyori.client.user.api.NotificationsApi;
import jp.homebiyori.client.user.model.NotificationPage;
import jp.homebiyori.common.auth.DeletedAccounts;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.domain.notification.Notification;
import jp.homebiyori.domain.notification.NotificationRepository;
import jp.homebiyori.domain.notification.NotificationType;
import jp.homebiyori.testkit.ApiClients;
import jp.homebiyori.testkit.RawHttp;
import jp.homebiyori.testkit.TestStack;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static jp.homebiyori.testkit.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The user's notifications over HTTP through the generated client. */
@HelidonTest
class NotificationsResourceTest {

    @AddConfigSource
    static ConfigSource config() {
        return TestStack.configSource();
    }

    @Inject
    private ServerCdiExtension server;
    @Inject
    private NotificationRepository notifications;
    @Inject
    private JstClock clock;
    @Inject
    private DeletedAccounts deletedAccounts;

    private NotificationsApi api(String user) {
        return new NotificationsApi(ApiClients.user(server.port(), TestStack.userToken(user)));
    }

    private Notification seed(String user, OffsetDateTime at) {
        return notifications.create(new Notification(user, UUID.randomUUID().toString(), NotificationType.PAYMENT_SUCCEEDED,
                "お支払いが完了しました", "ありがとうございます", Notification.Priority.NORMAL, false, null, at, at.plusDays(90), null), null).notification();
    }

    @Test
    void list_pagesNewestFirst_countsUnread_andMarksRead() throws Exception {
        String user = "nl-" + UUID.randomUUID();
        OffsetDateTime now = clock.now();
        for (int i = 0; i < 5; i++) {
            seed(user, now.minusMinutes(i));
        }
        seed(user, now.minusDays(100));
        NotificationPage first = api(user).listNotifications(2, null, false);
        assertThat(first.getItems()).hasSize(2);
        Set<String> seen = new HashSet<>();
        first.getItems().forEach(n -> seen.add(n.getNotificationId()));
        String token = first.getNextToken();
        while (token != null) {
            NotificationPage page = api(user).listNotifications(2, token, false);
            page.getItems().forEach(n -> seen.add(n.getNotificationId()));
            token = page.getNextToken();
        }
        assertThat(seen).hasSize(5);
        assertThat(api(user).getUnreadCount().getUnreadCount()).isEqualTo(5);
        var read = api(user).markNotificationRead(first.getItems().get(0).getNotificationId());
        assertThat(read.getIsRead()).isTrue();
        assertThat(api(user).getUnreadCount().getUnreadCount()).isEqualTo(4);
        assertThat(api(user).listNotifications(20, null, true).getItems()).hasSize(4);
    }

    @Test
    void anotherUsersNotification_isA404_andStaysUnread() throws Exception {
        String owner = "own-" + UUID.randomUUID();
        Notification mine = seed(owner, clock.now());
        ApiException e = catchThrowableOfType(ApiException.class, () -> api("intruder-" + UUID.randomUUID()).markNotificationRead(mine.notificationId()));
        assertError(e.getCode(), e.getResponseBody(), 404, "NOT_FOUND");
        assertThat(api(owner).getUnreadCount().getUnreadCount()).isEqualTo(1);
        ApiException unknown = catchThrowableOfType(ApiException.class, () -> api(owner).markNotificationRead(UUID.randomUUID().toString()));
        assertError(unknown.getCode(), unknown.getResponseBody(), 404, "NOT_FOUND");
    }

    @Test
    void badIdOrLimitOrToken_is400() {
        var auth = RawHttp.bearer(TestStack.userToken("u-bad"));
        assertError(RawHttp.send(server.port(), "PUT", "/api/notifications/not-a-uuid/read", null, null, auth), 400, "VALIDATION_ERROR");
        assertError(RawHttp.get(server.port(), "/api/notifications?limit=101", auth), 400, "VALIDATION_ERROR");
        assertError(RawHttp.get(server.port(), "/api/notifications?unread_only=maybe", auth), 400, "VALIDATION_ERROR");
        assertError(RawHttp.get(server.port(), "/api/notifications?next_token=abc.def", auth), 400, "INVALID_PAGINATION_TOKEN");
    }

    @Test
    void aTokenIssuedBeforeTheAccountsDeletion_isRefused_andMarksNothingRead_butATokenIssuedSinceIsServed() throws Exception {
        String user = "gone-" + UUID.randomUUID();
        Notification left = seed(user, clock.now());
        NotificationsApi voided = new NotificationsApi(ApiClients.user(server.port(), TestStack.userToken(user, clock.instant().minusSeconds(60))));
        deletedAccounts.mark(user, clock.instant());

        ApiException list = catchThrowableOfType(ApiException.class, () -> voided.listNotifications(20, null, false));
        assertError(list.getCode(), list.getResponseBody(), 401, "UNAUTHORIZED");
        ApiException count = catchThrowableOfType(ApiException.class, voided::getUnreadCount);
        assertError(count.getCode(), count.getResponseBody(), 401, "UNAUTHORIZED");
        ApiException read = catchThrowableOfType(ApiException.class, () -> voided.markNotificationRead(left.notificationId()));
        assertError(read.getCode(), read.getResponseBody(), 401, "UNAUTHORIZED");

        assertThat(api(user).getUnreadCount().getUnreadCount()).as("still unread, seen with a token issued since").isEqualTo(1);
    }
}
