package jp.homebiyori.admin;

import io.helidon.microprofile.server.ServerCdiExtension;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jp.homebiyori.client.admin.ApiException;
import jp.homebiyori.client.admin.api.AdminApi;
import jp.homebiyori.client.admin.model.AdminUserPage;
import jp.homebiyori.client.admin.model.Dashboard;
import jp.homebiyori.client.admin.model.MaintenanceRequest;
import jp.homebiyori.client.admin.model.MaintenanceStatus;
import jp.homebiyori.client.admin.model.SystemMetrics;
import jp.homebiyori.common.metrics.ProcessCounters;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.domain.stats.StatsRepository;
import jp.homebiyori.domain.subscription.Plan;
import jp.homebiyori.domain.subscription.Subscription;
import jp.homebiyori.domain.subscription.SubscriptionRepository;
import jp.homebiyori.domain.tree.TreeRepository;
import jp.homebiyori.domain.user.UserProfile;
import jp.homebiyori.domain.user.UserRepository;
import jp.homebiyori.testkit.ApiClients;
import jp.homebiyori.testkit.RawHttp;
import jp.homebiyori.testkit.TestStack;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static jp.homebiyori.testkit.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The admin API on a running server: pool separation, dashboard, user list, metrics, maintenance. */
@HelidonTest
class AdminResourceTest {

    @AddConfigSource
    static ConfigSource config() {
        return TestStack.configSource();
    }

    @Inject
    private ServerCdiExtension server;
    @Inject
    private UserRepository users;
    @Inject
    private SubscriptionRepository subscriptions;
    @Inject
    private TreeRepository trees;
    @Inject
    private StatsRepository stats;
    @Inject
    private JstClock clock;

    private AdminApi admin() {
        return new AdminApi(ApiClients.admin(server.port(), TestStack.adminToken("ops-1")));
    }

    @Test
    void userPoolToken_missingToken_andGarbage_areRefusedWith401() {
        for (String token : new String[] {TestStack.userToken("u1"), null, "garbage"}) {
            ApiException e = catchThrowableOfType(ApiException.class,
                    () -> new AdminApi(ApiClients.admin(server.port(), token)).getDashboard());
            assertError(e.getCode(), e.getResponseBody(), 401, "UNAUTHORIZED");
        }
    }

    @Test
    void dashboard_showsTheCountersWrittenByTheServices() throws Exception {
        Dashboard before = admin().getDashboard();
        String user = "dash-" + System.nanoTime();
        OffsetDateTime now = clock.now();
        users.createIfAbsent(UserProfile.initial(user, now));
        stats.userCreated();
        stats.userOnboarded();
        stats.messageSent(user, clock.today());
        stats.fruitGrown(clock.today());
        stats.premiumChanged(Plan.FREE, Plan.YEARLY);

        Dashboard after = admin().getDashboard();
        assertThat(after.getDate()).isEqualTo(clock.today());
        assertThat(after.getTotalUsers()).isEqualTo(before.getTotalUsers() + 1);
        assertThat(after.getOnboardedUsers()).isEqualTo(before.getOnboardedUsers() + 1);
        assertThat(after.getMessagesToday()).isEqualTo(before.getMessagesToday() + 1);
        assertThat(after.getFruitsToday()).isEqualTo(before.getFruitsToday() + 1);
        assertThat(after.getPremiumUsers().getYearly()).isEqualTo(before.getPremiumUsers().getYearly() + 1);
        assertThat(after.getPremiumUsers().getTotal())
                .isEqualTo(after.getPremiumUsers().getMonthly() + after.getPremiumUsers().getYearly());
        assertThat(after.getActiveUsers7d()).isEqualTo(before.getActiveUsers7d() + 1);
    }

    @Test
    void userList_pagesThroughEveryProfile_withPlanAndTree_andNothingPersonalBeyondTheNickname() throws Exception {
        OffsetDateTime now = clock.now();
        Set<String> seeded = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            String id = "list-" + i + "-" + System.nanoTime();
            seeded.add(id);
            users.createIfAbsent(UserProfile.initial(id, now));
        }
        String premium = seeded.iterator().next();
        subscriptions.saveIfNotOlder(new Subscription(premium, "cus_1", "sub_1", Plan.MONTHLY, "active",
                now, now.plusMonths(1), false, 1, now));
        trees.recordMessage(premium, 600, clock.today(), now);

        Set<String> listed = new HashSet<>();
        String token = null;
        int pages = 0;
        do {
            AdminUserPage page = admin().listUsers(3, token);
            page.getItems().forEach(u -> {
                listed.add(u.getUserId());
                if (u.getUserId().equals(premium)) {
                    assertThat(u.getCurrentPlan().getValue()).isEqualTo("monthly");
                    assertThat(u.getTreeStage()).isEqualTo(3);
                    assertThat(u.getTotalCharacters()).isEqualTo(600);
                }
            });
            token = page.getNextToken();
        } while (token != null && ++pages < 50);
        assertThat(listed).containsAll(seeded);

        RawHttp.Reply raw = RawHttp.get(server.port(), "/api/admin/users?limit=2",
                RawHttp.bearer(TestStack.adminToken("ops-1")));
        raw.json().path("items").forEach(item -> item.fieldNames().forEachRemaining(f -> assertThat(f).isIn(
                "user_id", "nickname", "current_plan", "tree_stage", "total_messages", "total_characters",
                "total_fruits", "onboarding_completed", "created_at")));
    }

    @Test
    void listUsers_refusesABadLimitAndAForeignToken() {
        Map<String, String> auth = RawHttp.bearer(TestStack.adminToken("ops-1"));
        assertError(RawHttp.get(server.port(), "/api/admin/users?limit=0", auth), 400, "VALIDATION_ERROR");
        assertError(RawHttp.get(server.port(), "/api/admin/users?limit=abc", auth), 400, "VALIDATION_ERROR");
        assertError(RawHttp.get(server.port(), "/api/admin/users?next_token=forged.token", auth), 400, "INVALID_PAGINATION_TOKEN");
    }

    @Test
    void maintenance_roundTrips_andRefusesAnEndBeforeTheStartOrAnOverlongMessage() throws Exception {
        OffsetDateTime start = clock.now().minusMinutes(1);
        MaintenanceStatus set = admin().setMaintenance(new MaintenanceRequest().enabled(true)
                .message("サーバーを更新しています").startTime(start).endTime(start.plusHours(2)));
        assertThat(set.getEnabled()).isTrue();
        assertThat(set.getInForce()).isTrue();
        assertThat(admin().getMaintenance().getMessage()).isEqualTo("サーバーを更新しています");

        ApiException backwards = catchThrowableOfType(ApiException.class, () -> admin().setMaintenance(
                new MaintenanceRequest().enabled(true).startTime(start).endTime(start.minusHours(1))));
        assertError(backwards.getCode(), backwards.getResponseBody(), 400, "VALIDATION_ERROR");

        RawHttp.Reply tooLong = RawHttp.send(server.port(), "POST", "/api/admin/maintenance", "application/json",
                "{\"enabled\":true,\"message\":\"" + "あ".repeat(501) + "\"}", RawHttp.bearer(TestStack.adminToken("ops-1")));
        assertError(tooLong, 400, "VALIDATION_ERROR");
        RawHttp.Reply broken = RawHttp.send(server.port(), "POST", "/api/admin/maintenance", "application/json",
                "{\"enabled\":tru", RawHttp.bearer(TestStack.adminToken("ops-1")));
        assertError(broken, 400, "MALFORMED_JSON");
        RawHttp.Reply unknown = RawHttp.send(server.port(), "POST", "/api/admin/maintenance", "application/json",
                "{\"enabled\":false,\"colour\":\"red\"}", RawHttp.bearer(TestStack.adminToken("ops-1")));
        assertError(unknown, 400, "VALIDATION_ERROR");
        RawHttp.Reply plain = RawHttp.send(server.port(), "POST", "/api/admin/maintenance", "text/plain",
                "enabled", RawHttp.bearer(TestStack.adminToken("ops-1")));
        assertError(plain, 415, "UNSUPPORTED_MEDIA_TYPE");

        RawHttp.Reply farFuture = RawHttp.send(server.port(), "POST", "/api/admin/maintenance", "application/json",
                "{\"enabled\":true,\"end_time\":\"+999999999-12-31T23:59:59Z\"}", RawHttp.bearer(TestStack.adminToken("ops-1")));
        assertError(farFuture, 400, "VALIDATION_ERROR");
        assertThat(RawHttp.get(server.port(), "/api/admin/maintenance", RawHttp.bearer(TestStack.adminToken("ops-1"))).status()).isEqualTo(200);

        MaintenanceStatus off = admin().setMaintenance(new MaintenanceRequest().enabled(false));
        assertThat(off.getInForce()).isFalse();
    }

    @Test
    void metrics_countTheRequestsOfThisProcess() throws Exception {
        admin().getDashboard();
        SystemMetrics metrics = admin().getMetrics();
        assertThat(metrics.getServices()).anySatisfy(s -> {
            assertThat(s.getService()).isEqualTo("admin-service");
            assertThat(s.getRequestCount()).isPositive();
            assertThat(s.getLatencyMs().getP99()).isGreaterThanOrEqualTo(s.getLatencyMs().getP50());
        });
        assertThat(metrics.getAiFallbackCount()).isNotNull();
        assertThat(metrics.getAiReplyRejectedCount()).isEqualTo(ProcessCounters.get(ProcessCounters.AI_REPLY_REJECTED));
    }
}
