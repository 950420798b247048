package jp.homebiyori.contract.support;

import jp.homebiyori.testkit.contract.Spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.microprofile.server.ServerCdiExtension;
import io.swagger.v3.oas.models.parameters.Parameter;
import jp.homebiyori.testkit.StripeEvents;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls spec operations by operationId with valid credentials for their scheme, and seeds what the
 * tests need through the APIs themselves (so every seeding answer is checked against the contract too).
 */
public final class Client {

    /** A message the offline AI finds moving: it grows the day's fruit. */
    public static final String MOVING = "今日は子どもと公園に行けて本当に嬉しかった！ずっと疲れていたけど、自分もちゃんと頑張ったなと思えて、すごく幸せな気持ちになりました。";

    private final ServerCdiExtension server;
    private final Contracts contracts = Contracts.load();

    public Client(ServerCdiExtension server) {
        this.server = server;
    }

    public int port(Spec api) {
        return Backend.port(server, api);
    }

    public Http.Reply send(Http.Request request) {
        return Http.send(port(request.api()), request);
    }

    /** The request of an operation: path ids filled in, query parameters appended, credentials of {@code sub}, the body as JSON. */
    public Http.Request request(SpecOperation op, String sub, Map<String, String> pathIds, Map<String, String> query, String body) {
        Map<String, String> headers = new LinkedHashMap<>(Credentials.valid(op, sub));
        headers.put("Accept", "application/json");
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        return Http.Request.of(op.api(), op.method(), target(op, pathIds, query), headers, body);
    }

    public static String target(SpecOperation op, Map<String, String> pathIds, Map<String, String> query) {
        String path = op.path();
        for (Parameter p : op.parameters("path")) {
            String value = pathIds.get(p.getName());
            if (value == null) {
                throw new IllegalStateException("no value for path parameter " + p.getName() + " of " + op);
            }
            path = path.replace("{" + p.getName() + "}", encode(value));
        }
        if (query.isEmpty()) {
            return path;
        }
        StringJoiner q = new StringJoiner("&", "?", "");
        query.forEach((k, v) -> q.add(encode(k) + "=" + encode(v)));
        return path + q;
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public Http.Reply call(String operationId, String sub, Map<String, String> pathIds, Map<String, String> query, String body) {
        return send(request(contracts.operation(operationId), sub, pathIds, query, body));
    }

    /** Calls an operation that must succeed with its documented success status and a conforming answer. */
    public JsonNode ok(String operationId, String sub, Map<String, String> pathIds, Map<String, String> query, String body) {
        SpecOperation op = contracts.operation(operationId);
        Http.Reply reply = send(request(op, sub, pathIds, query, body));
        assertThat(reply.status()).as("%s answered %s", op, reply.abbreviated()).isEqualTo(op.successStatus());
        ContractChecks.assertConforms(op, reply, "seeding");
        return reply.json();
    }

    /** The operation's request body from the spec's examples (every property that has one). */
    public ObjectNode exampleBody(String operationId) {
        return (ObjectNode) Schemas.example(contracts.operation(operationId).requestBody(), false);
    }

    // --- seeding through the APIs --------------------------------------------------------------

    /** A user with a completed onboarding (the spec's example profile). */
    public void onboard(String sub) {
        ok("getOnboardingStatus", sub, Map.of(), Map.of(), null);
        ok("completeOnboarding", sub, Map.of(), Map.of(), exampleBody("completeOnboarding").toString());
    }

    /** Grows the user's fruit of the day with a moving message; returns the fruit id. */
    public String growFruit(String sub) {
        JsonNode sent = ok("sendMessage", sub, Map.of(), Map.of(), Schemas.JSON.createObjectNode().put("message", MOVING).toString());
        assertThat(sent.path("fruit_generated").asBoolean()).as("the moving message grew a fruit: %s", sent).isTrue();
        return sent.path("fruit").path("fruit_id").asText();
    }

    /** A notification for the user through the internal API; returns its id. */
    public String notification(String sub) {
        SpecOperation op = contracts.operation("createNotification");
        ObjectNode body = exampleBody("createNotification");
        body.put("user_id", sub);
        body.put("source_lambda", Credentials.allowedSource(op));
        body.remove("dedup_key");
        JsonNode created = ok("createNotification", sub, Map.of(), Map.of(), body.toString());
        return created.path("notification_id").asText();
    }

    /** A premium (monthly, active) subscription by a signed Stripe webhook, as Stripe would send it. */
    public JsonNode subscribe(String sub, String customerId) {
        long now = System.currentTimeMillis() / 1000;
        String event = StripeEvents.subscriptionEvent("evt_" + UUID.randomUUID().toString().replace("-", ""),
                "customer.subscription.created", now, sub, customerId, "sub_" + sub.hashCode(), "price_monthly_local", "active",
                false, now - 86_400, now + 29 * 86_400);
        return webhook(event, StripeEvents.signature(event, StripeEvents.TEST_WEBHOOK_SECRET));
    }

    public JsonNode webhook(String payload, String signature) {
        SpecOperation op = contracts.operation("handleStripeWebhook");
        Map<String, String> headers = new LinkedHashMap<>(ContractChecks.json());
        headers.put("Stripe-Signature", signature);
        Http.Reply reply = send(Http.Request.of(op.api(), op.method(), op.path(), headers, payload));
        assertThat(reply.status()).as("webhook answered %s", reply.abbreviated()).isEqualTo(op.successStatus());
        ContractChecks.assertConforms(op, reply, "seeding");
        return reply.json();
    }
}
