package jp.homebiyori.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.microprofile.server.ServerCdiExtension;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jp.homebiyori.common.db.Table;
import jp.homebiyori.common.db.TableNames;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.localdev.StripeStub;
import jp.homebiyori.testkit.RawHttp;
import jp.homebiyori.testkit.StripeEvents;
import jp.homebiyori.testkit.TestStack;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's counters, written by the services as they work, against a full recount over the
 * tables, after a seeded day driven through the real APIs: onboarding, chats, subscriptions by
 * signed webhooks, a cancellation through billing, an account deletion.
 */
@HelidonTest
class DashboardRecountTest {

    private static final StripeStub STRIPE = StripeStub.start(0);

    @AddConfigSource
    static ConfigSource config() {
        LocalServices.issuer(TestStack.issuer());
        Map<String, String> config = new java.util.HashMap<>(TestStack.internalApiAndQueue("recount").config());
        config.putAll(TestStack.stripe(STRIPE));
        return TestStack.configSource(config);
    }

    @Inject
    private ServerCdiExtension server;
    @Inject
    private TableNames tables;
    @Inject
    private JstClock clock;

    private RawHttp.Reply call(String user, String method, String path, String body) {
        return RawHttp.send(server.port(), method, path, body == null ? null : "application/json", body,
                RawHttp.bearer(TestStack.userToken(user)));
    }

    private void subscribe(String user, String plan) {
        long now = Instant.now().getEpochSecond();
        String payload = StripeEvents.subscriptionEvent("evt_" + user, "customer.subscription.created", now, user,
                "cus_" + user, "sub" + user.replace("-", ""), "price_" + plan + "_local", "active", false, now - 60, now + 30L * 86400);
        RawHttp.Reply reply = RawHttp.send(server.port(), "POST", "/api/webhook/stripe", "application/json", payload,
                Map.of("Stripe-Signature", StripeEvents.signature(payload, StripeEvents.TEST_WEBHOOK_SECRET)));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    @Test
    void dashboard_matchesAFullRecountOfTheTables() {
        for (int i = 0; i < 6; i++) {
            String user = "r" + i + "-" + System.nanoTime();
            assertThat(call(user, "GET", "/api/users/onboarding-status", null).status()).isEqualTo(200);
            if (i % 3 != 0) {
                assertThat(call(user, "POST", "/api/users/complete-onboarding", "{\"nickname\":\"ゆう" + i + "\"}").status()).isEqualTo(200);
            }
            for (int m = 0; m < i; m++) {
                assertThat(call(user, "POST", "/api/chat/messages", "{\"message\":\"今日は子どもと公園に行けて本当に嬉しかった！ずっと疲れていたけど、自分もちゃんと頑張ったなと思えて、すごく幸せな気持ちになりました。\"}").status()).isEqualTo(200);
            }
            if (i >= 3) {
                subscribe(user, i == 5 ? "yearly" : "monthly");
            }
            if (i == 4) {
                assertThat(call(user, "POST", "/api/billing/cancel", "{\"reason_category\":\"price\",\"satisfaction_score\":3}").status()).isEqualTo(200);
            }
            if (i == 1) {
                assertThat(call(user, "DELETE", "/api/users/account", null).status()).isEqualTo(200);
            }
        }
        JsonNode dashboard = RawHttp.get(server.port(), "/api/admin/dashboard", RawHttp.bearer(TestStack.adminToken("ops"))).json();
        Recount recount = recount();
        assertThat(dashboard.path("total_users").asLong()).isEqualTo(recount.users());
        assertThat(dashboard.path("onboarded_users").asLong()).isEqualTo(recount.onboarded());
        assertThat(dashboard.path("premium_users").path("monthly").asLong()).isEqualTo(recount.monthly());
        assertThat(dashboard.path("premium_users").path("yearly").asLong()).isEqualTo(recount.yearly()).isPositive();
        assertThat(dashboard.path("cancellations_scheduled").asLong()).isEqualTo(recount.cancelScheduled()).isPositive();
        assertThat(dashboard.path("messages_today").asLong()).isEqualTo(recount.messagesToday() + 1);
        assertThat(dashboard.path("fruits_today").asLong()).isEqualTo(recount.fruitsToday() + 1);
        assertThat(dashboard.path("active_users_7d").asLong()).isEqualTo(recount.active7d());
    }

    @Test
    void privacySweep_afterAFullScenario_noTableHoldsAnEmailANameOrAToken() {
        String user = "privacy-" + System.nanoTime();
        call(user, "POST", "/api/users/complete-onboarding", "{\"nickname\":\"ひなママ\"}");
        call(user, "POST", "/api/chat/messages", "{\"message\":\"今日も一日おつかれさまでした、わたし。\"}");
        subscribe(user, "monthly");
        call(user, "POST", "/api/billing/checkout", "{\"plan_type\":\"yearly\",\"success_url\":\"http://localhost:3000/ok\",\"cancel_url\":\"http://localhost:3000/ng\"}");
        call(user, "POST", "/api/billing/cancel", "{\"reason_category\":\"other\",\"satisfaction_score\":4}");
        java.util.regex.Pattern email = java.util.regex.Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
        java.util.regex.Pattern jwt = java.util.regex.Pattern.compile("eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.");
        Set<String> forbiddenNames = Set.of("email", "e_mail", "name", "real_name", "full_name", "child_name", "birthday",
                "phone", "address", "token", "access_token", "id_token", "refresh_token");
        int scanned = 0;
        for (Table table : Table.values()) {
            for (Map<String, AttributeValue> item : scan(table)) {
                scanned++;
                for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
                    assertThat(forbiddenNames).as(table + " attribute").doesNotContain(attribute.getKey().toLowerCase());
                    String value = String.valueOf(attribute.getValue());
                    assertThat(email.matcher(value).find()).as(table + "." + attribute.getKey() + " holds an e-mail address").isFalse();
                    assertThat(jwt.matcher(value).find()).as(table + "." + attribute.getKey() + " holds a token").isFalse();
                }
            }
        }
        assertThat(scanned).isGreaterThan(5);
        STRIPE.server().getAllServeEvents().forEach(e -> assertThat(e.getRequest().getBodyAsString()).doesNotContain("email"));
    }

    /** What a full scan of the tables says (the deleted user's message and fruit of today are gone from them). */
    record Recount(long users, long onboarded, long monthly, long yearly, long cancelScheduled, long messagesToday,
                   long fruitsToday, long active7d) {
    }

    private Recount recount() {
        LocalDate today = clock.today();
        List<Map<String, AttributeValue>> users = scan(Table.USERS);
        long onboarded = users.stream().filter(u -> u.get("onboarding_completed").bool()).count();
        long monthly = 0;
        long yearly = 0;
        long scheduled = 0;
        // the subscriptions table also holds the references to a user's cancellation feedback (FEEDBACK_REF#…)
        for (Map<String, AttributeValue> s : scan(Table.SUBSCRIPTIONS).stream().filter(i -> i.get("SK").s().equals("SUBSCRIPTION")).toList()) {
            String status = s.get("status").s();
            boolean entitled = List.of("active", "trialing", "past_due", "cancel_scheduled").contains(status);
            if (entitled && s.get("current_plan").s().equals("monthly")) {
                monthly++;
            }
            if (entitled && s.get("current_plan").s().equals("yearly")) {
                yearly++;
            }
            if (status.equals("cancel_scheduled")) {
                scheduled++;
            }
        }
        // the chats table also holds each user's conversation context (CONTEXT), which is not a message
        List<Map<String, AttributeValue>> chats = scan(Table.CHATS).stream().filter(i -> i.get("SK").s().startsWith("CHAT#")).toList();
        long messagesToday = chats.stream().filter(c -> day(c).equals(today)).count();
        Set<String> active = new HashSet<>();
        chats.stream().filter(c -> !day(c).isBefore(today.minusDays(6))).forEach(c -> active.add(c.get("user_id").s()));
        long fruitsToday = scan(Table.FRUITS).stream().filter(f -> day(f).equals(today)).count();
        return new Recount(users.size(), onboarded, monthly, yearly, scheduled, messagesToday, fruitsToday, active.size());
    }

    private static LocalDate day(Map<String, AttributeValue> item) {
        return JstClock.dateOf(OffsetDateTime.parse(item.get("created_at").s()).toInstant());
    }

    private List<Map<String, AttributeValue>> scan(Table table) {
        return TestStack.dynamo().scanPaginator(b -> b.tableName(tables.of(table))).items().stream().toList();
    }
}
