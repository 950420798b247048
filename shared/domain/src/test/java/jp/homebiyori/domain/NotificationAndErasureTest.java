package jp.homebiyori.domain;

import jp.homebiyori.common.db.Table;
import jp.homebiyori.domain.account.UserDataEraser;
import jp.homebiyori.domain.character.AiCharacter;
import jp.homebiyori.domain.character.Mood;
import jp.homebiyori.domain.character.PraiseLevel;
import jp.homebiyori.domain.chat.ChatMessage;
import jp.homebiyori.domain.chat.dynamo.DynamoChatRepository;
import jp.homebiyori.domain.feedback.CancellationFeedback;
import jp.homebiyori.domain.feedback.dynamo.DynamoFeedbackRepository;
import jp.homebiyori.domain.notification.Notification;
import jp.homebiyori.domain.notification.NotificationRepository;
import jp.homebiyori.domain.notification.NotificationType;
import jp.homebiyori.domain.notification.dynamo.DynamoNotificationRepository;
import jp.homebiyori.domain.subscription.Plan;
import jp.homebiyori.domain.user.UserProfile;
import jp.homebiyori.domain.user.dynamo.DynamoUserRepository;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationAndErasureTest {

    private static final DomainTables TABLES = new DomainTables();
    private final DynamoNotificationRepository notifications = new DynamoNotificationRepository(TABLES.dynamo, TABLES.names, TABLES.tokens);
    private final OffsetDateTime now = OffsetDateTime.parse("2026-11-26T12:00:00.000+09:00");

    private Notification notification(String user, OffsetDateTime created) {
        return new Notification(user, UUID.randomUUID().toString(), NotificationType.PAYMENT_SUCCEEDED, "t", "m",
                Notification.Priority.NORMAL, false, null, created, created.plusDays(90), null);
    }

    @Test
    void dedupKey_createsOnce() {
        String user = "n-" + UUID.randomUUID();
        NotificationRepository.Created first = notifications.create(notification(user, now), "evt_1");
        NotificationRepository.Created second = notifications.create(notification(user, now.plusSeconds(1)), "evt_1");
        assertThat(first.duplicate()).isFalse();
        assertThat(second.duplicate()).isTrue();
        assertThat(second.notification().notificationId()).isEqualTo(first.notification().notificationId());
        assertThat(notifications.list(user, 10, null, false, now.toInstant()).items()).hasSize(1);
    }

    @Test
    void expiredNotifications_areNeverShown_andReadOnesLeaveTheUnreadCount() {
        String user = "e-" + UUID.randomUUID();
        notifications.create(notification(user, now.minusDays(91)), null);
        Notification fresh = notifications.create(notification(user, now.minusDays(1)), null).notification();
        notifications.create(notification(user, now.minusHours(1)), null);
        assertThat(notifications.list(user, 10, null, false, now.toInstant()).items()).hasSize(2);
        assertThat(notifications.unreadCount(user, now.toInstant())).isEqualTo(2);
        assertThat(notifications.markRead(user, fresh.notificationId(), now).orElseThrow().read()).isTrue();
        assertThat(notifications.markRead("intruder", fresh.notificationId(), now)).isEmpty();
        assertThat(notifications.unreadCount(user, now.toInstant())).isEqualTo(1);
        assertThat(notifications.list(user, 10, null, true, now.toInstant()).items()).hasSize(1);
    }

    @Test
    void eraseAll_deletesEveryItemOfTheUser_inEveryTable_andNoOneElses() {
        String user = "del-" + UUID.randomUUID();
        String other = "keep-" + UUID.randomUUID();
        DynamoChatRepository chats = new DynamoChatRepository(TABLES.dynamo, TABLES.names, TABLES.tokens);
        DynamoFeedbackRepository feedback = new DynamoFeedbackRepository(TABLES.dynamo, TABLES.names);
        DynamoUserRepository users = new DynamoUserRepository(TABLES.dynamo, TABLES.names, TABLES.tokens);
        for (String u : List.of(user, other)) {
            users.createIfAbsent(UserProfile.initial(u, now));
            for (int i = 0; i < 60; i++) {
                chats.save(new ChatMessage(u, UUID.randomUUID().toString(), ChatMessage.ChatType.INDIVIDUAL, "m",
                        List.of(), AiCharacter.TAMA, Mood.PRAISE, PraiseLevel.NORMAL, null, false, 1, 1, Plan.FREE,
                        now.plusSeconds(i), 9_999_999_999L));
            }
            notifications.create(notification(u, now), "k");
            feedback.save(new CancellationFeedback(u, CancellationFeedback.ReasonCategory.PRICE, null, 3, null, now));
        }
        UserDataEraser eraser = new UserDataEraser(TABLES.dynamo, TABLES.names);
        Map<Table, Integer> deleted = eraser.eraseAll(user);
        assertThat(deleted.get(Table.CHATS)).isEqualTo(60);
        assertThat(eraser.eraseAll(user).values()).allMatch(n -> n == 0);
        for (Table table : Table.values()) {
            assertThat(TABLES.scan(table)).noneMatch(item -> item.values().stream()
                    .anyMatch(v -> v.s() != null && v.s().contains(user)));
        }
        assertThat(TABLES.scan(Table.CHATS)).hasSize(60);
        assertThat(users.find(other)).isPresent();
    }
}
