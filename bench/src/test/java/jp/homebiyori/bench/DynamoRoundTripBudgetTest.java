package jp.homebiyori.bench;

import io.helidon.microprofile.server.ServerCdiExtension;
import io.helidon.microprofile.testing.AddBean;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jp.homebiyori.localdev.StripeStub;
import jp.homebiyori.testkit.DynamoCallCounter;
import jp.homebiyori.testkit.RawHttp;
import jp.homebiyori.testkit.StripeEvents;
import jp.homebiyori.testkit.TestStack;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DynamoDB round trips per request for every operation of the user API (enumerated from the generated
 * interfaces), counted by the SDK interceptor over the whole backend in one server, on a realistic user:
 * onboarded, a few chats, today's fruit, a subscription by a signed webhook and its notification.
 * One-time operations are measured when the user meets them (first onboarding call, first fruit,
 * checkout as a free user, the subscription webhook); the rest twice — the first pass warms up, the
 * second is recorded and must equal the first. Fails if an operation exceeds its budget in
 * {@link RoundTripBudgets}; writes the table to target/dynamo-round-trips.md.
 */
@HelidonTest
@AddBean(DynamoCallCounter.class)
class DynamoRoundTripBudgetTest {

    private static final StripeStub STRIPE = StripeStub.start(0);
    private static final String PLAIN = "ごはん作った";
    private static final String MOVING = LoadBench.MOVING;

    @AddConfigSource
    static ConfigSource config() {
        Map<String, String> config = new java.util.HashMap<>(TestStack.internalApiAndQueue("bench").config());
        config.putAll(TestStack.stripe(STRIPE));
        return TestStack.configSource(config);
    }

    @Inject
    private ServerCdiExtension server;
    @Inject
    private DynamoCallCounter counter;

    private final Map<String, UserOperations.Operation> operations = UserOperations.all();
    private final String user = "bench-" + UUID.randomUUID();
    private final String token = TestStack.userToken(user);
    private final Map<String, String> ids = new HashMap<>();

    /** One measured request: the label (operation id and variant), the calls it made, its reply. */
    record Measured(String label, List<String> calls, RawHttp.Reply reply) {
    }

    @Test
    void everyUserOperation_staysWithinItsDynamoRoundTripBudget() throws IOException {
        List<Measured> measured = new ArrayList<>();
        measured.add(measure("getOnboardingStatus", "new user: creates the profile", null));
        measured.add(measure("completeOnboarding", "first time", "{\"nickname\":\"ゆう\"}"));
        Measured fruit = measure("sendMessage", "grows the day's fruit", message(MOVING));
        assertThat(fruit.reply().json().path("fruit_generated").asBoolean()).as("precondition: a fruit grows").isTrue();
        measured.add(fruit);
        measure("sendMessage", "setup", message(PLAIN));
        measured.add(measure("createCheckoutSession", "free user, first checkout: creates the Stripe customer",
                "{\"plan_type\":\"monthly\",\"success_url\":\"http://localhost:3000/ok\",\"cancel_url\":\"http://localhost:3000/ng\"}"));
        String event = subscriptionEvent();
        measured.add(measure("handleStripeWebhook", "subscription created: free -> monthly", event));
        measured.add(measure("handleStripeWebhook", "duplicate delivery", event));
        ids.put("fruit_id", measure("listFruits", "setup", null).reply().json().path("items").path(0).path("fruit_id").asText());
        ids.put("notification_id", measure("listNotifications", "setup", null).reply().json().path("items").path(0)
                .path("notification_id").asText());

        List<Measured> warmUp = steadyState();
        List<Measured> recorded = steadyState();
        for (int i = 0; i < recorded.size(); i++) {
            assertThat(recorded.get(i).calls()).as("same calls on the second pass: " + recorded.get(i).label())
                    .isEqualTo(warmUp.get(i).calls());
        }
        measured.addAll(recorded);
        measured.add(measure("deleteAccount", "premium user: 10 chats, 1 fruit, 1 notification, 2 feedback items", null));

        String table = RoundTripBudgets.table(measured);
        System.out.println(table);
        Files.writeString(Path.of("target", "dynamo-round-trips.md"), table);
        assertThat(measured.stream().map(m -> m.label().split(" ")[0]).distinct())
                .as("every operation of the spec is measured").containsAll(operations.keySet());
        for (Measured m : measured) {
            RoundTripBudgets.Budget budget = RoundTripBudgets.of(m.label());
            assertThat(m.calls().size()).as(m.label() + " made " + m.calls() + "; budget " + budget.max()
                    + " (raise it only with a reason in RoundTripBudgets)").isLessThanOrEqualTo(budget.max());
        }
    }

    /** Everything a returning premium user does, in an order that keeps each call meaningful. */
    private List<Measured> steadyState() {
        List<Measured> pass = new ArrayList<>();
        pass.add(measure("getHealth", "", null));
        pass.add(measure("getWebhookHealth", "", null));
        pass.add(measure("getOnboardingStatus", "onboarded user", null));
        pass.add(measure("getProfile", "", null));
        pass.add(measure("updateProfile", "character", "{\"ai_character\":\"madoka\"}"));
        pass.add(measure("updateNickname", "", "{\"nickname\":\"ゆうママ\"}"));
        pass.add(measure("sendMessage", "no fruit", message(PLAIN)));
        pass.add(measure("sendMessage", "moving, but today's fruit already grew", message(MOVING)));
        pass.add(measure("sendMessage", "group chat, premium", "{\"message\":\"" + PLAIN + "\",\"chat_type\":\"group\"}"));
        pass.add(measure("sendEmotionStamp", "", "{\"emotion\":\"tired\"}"));
        pass.add(measure("updateMood", "", "{\"mood\":\"listen\"}"));
        pass.add(measure("getChatHistory", "first page", null));
        pass.add(measure("getTreeStatus", "", null));
        pass.add(measure("listFruits", "", null));
        pass.add(measure("viewFruit", "", null));
        pass.add(measure("getUnreadCount", "", null));
        pass.add(measure("listNotifications", "", null));
        pass.add(measure("markNotificationRead", "", null));
        pass.add(measure("getSubscription", "", null));
        pass.add(measure("getPortalSession", "", null));
        pass.add(measure("cancelSubscription", "", "{\"reason_category\":\"price\",\"satisfaction_score\":3}"));
        pass.add(measure("reactivateSubscription", "", null));
        return pass;
    }

    private Measured measure(String operationId, String variant, String body) {
        UserOperations.Operation op = operations.get(operationId);
        assertThat(op).as("operation " + operationId + " in the spec").isNotNull();
        String path = op.path();
        for (Map.Entry<String, String> id : ids.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", id.getValue());
        }
        Map<String, String> headers = new LinkedHashMap<>(RawHttp.bearer(token));
        if (operationId.equals("handleStripeWebhook")) {
            headers = Map.of("Stripe-Signature", StripeEvents.signature(body, StripeEvents.TEST_WEBHOOK_SECRET));
        }
        boolean hasBody = op.method().equals("POST") || op.method().equals("PUT");
        counter.reset();
        RawHttp.Reply reply = RawHttp.send(server.port(), op.method(), path, hasBody ? "application/json" : null,
                hasBody ? (body == null ? "{}" : body) : null, headers);
        List<String> calls = counter.calls();
        String label = operationId + (variant.isEmpty() ? "" : " (" + variant + ")");
        assertThat(reply.status()).as(label + ": " + reply.body()).isBetween(200, 299);
        return new Measured(label, calls, reply);
    }

    private static String message(String text) {
        return "{\"message\":\"" + text + "\"}";
    }

    private String subscriptionEvent() {
        long now = Instant.now().getEpochSecond();
        return StripeEvents.subscriptionEvent("evt_" + UUID.randomUUID().toString().replace("-", ""),
                "customer.subscription.created", now, user, "cus_bench", "sub_bench", "price_monthly_local", "active",
                false, now - 60, now + 30L * 86400);
    }
}
