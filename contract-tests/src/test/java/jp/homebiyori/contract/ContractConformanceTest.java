package jp.homebiyori.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.microprofile.server.ServerCdiExtension;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import io.swagger.v3.oas.models.parameters.Parameter;
import jakarta.inject.Inject;
import jp.homebiyori.contract.support.Backend;
import jp.homebiyori.contract.support.Client;
import jp.homebiyori.contract.support.ContractChecks;
import jp.homebiyori.contract.support.Contracts;
import jp.homebiyori.contract.support.Http;
import jp.homebiyori.contract.support.Schemas;
import jp.homebiyori.contract.support.SpecOperation;
import jp.homebiyori.testkit.StripeEvents;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A happy-path walk over every operation of the three specs, each answer validated against its spec
 * (status, headers, content type, body schema — with {@code additionalProperties} treated as false, so
 * a field that drifts from the contract fails) by Atlassian's swagger-request-validator. What the walk
 * needs is seeded through the APIs themselves: a subscribed user (a signed Stripe webhook), a fruit (a
 * moving chat message), notifications (the internal API).
 */
@HelidonTest
class ContractConformanceTest {

    private static final String WALKER = "walk-" + UUID.randomUUID();
    private static final String NEIGHBOUR = "walk-neighbour-" + UUID.randomUUID();

    @AddConfigSource
    static ConfigSource config() {
        return Backend.config();
    }

    @Inject
    private ServerCdiExtension server;

    private final Contracts contracts = Contracts.load();
    private final Map<String, String> pathIds = new LinkedHashMap<>();
    private final List<String> log = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private final Set<String> succeeded = new LinkedHashSet<>();
    private Client client;

    @Test
    void everyOperationOfEverySpec_answersItsHappyPathAsTheContractSays() {
        client = new Client(server);
        seed();
        List<SpecOperation> rest = contracts.operations().stream()
                .filter(op -> !succeeded.contains(op.id()))
                .sorted(Comparator.comparing((SpecOperation op) -> op.method().equals("DELETE")))
                .toList();
        for (SpecOperation op : rest) {
            walk(op);
        }
        System.out.println("contract walk:\n  " + String.join("\n  ", log));
        assertThat(violations).as("answers that break the contract").isEmpty();
        assertThat(succeeded).as("operations answered with their documented success status")
                .containsExactlyInAnyOrderElementsOf(contracts.operations().stream().map(SpecOperation::id).toList());
    }

    /** The state the walk needs, made through the operations themselves (each answer checked like the rest). */
    private void seed() {
        for (String user : List.of(WALKER, NEIGHBOUR)) {
            call("getOnboardingStatus", user, Map.of(), null);
            call("completeOnboarding", user, Map.of(), example("completeOnboarding").toString());
        }
        JsonNode sent = call("sendMessage", WALKER, Map.of(), Schemas.JSON.createObjectNode().put("message", Client.MOVING).toString());
        assertThat(sent.path("fruit").path("fruit_id").isTextual()).as("the moving message grew a fruit: %s", sent).isTrue();
        pathIds.put("fruit_id", sent.path("fruit").path("fruit_id").asText());
        call("createCheckoutSession", WALKER, Map.of(), example("createCheckoutSession").toString());
        webhookSubscription();
        ObjectNode notification = example("createNotification");
        notification.put("user_id", WALKER);
        JsonNode created = call("createNotification", WALKER, Map.of(), notification.toString());
        pathIds.put("notification_id", created.path("notification_id").asText());
    }

    private void webhookSubscription() {
        long now = System.currentTimeMillis() / 1000;
        String event = StripeEvents.subscriptionEvent("evt_walk_" + UUID.randomUUID().toString().replace("-", ""),
                "customer.subscription.created", now, WALKER, "cus_walk", "sub_walk", "price_monthly_local", "active",
                false, now - 60, now + 30 * 86_400L);
        SpecOperation op = contracts.operation("handleStripeWebhook");
        Map<String, String> headers = new LinkedHashMap<>(ContractChecks.json());
        headers.put("Stripe-Signature", StripeEvents.signature(event, StripeEvents.TEST_WEBHOOK_SECRET));
        JsonNode ack = record(op, client.send(Http.Request.of(op.api(), op.method(), op.path(), headers, event)));
        assertThat(ack.path("outcome").asText()).as("the subscription event was processed").isEqualTo("processed");
    }

    /** One operation: required parameters only; then, for a listing, a page of one and the page after it; then every optional filter. */
    private void walk(SpecOperation op) {
        String body = op.hasObjectBody() ? body(op).toString() : null;
        JsonNode first = record(op, client.send(client.request(op, WALKER, pathIds, Map.of(), body)));
        List<Parameter> query = op.parameters("query");
        if (query.stream().anyMatch(p -> p.getName().equals("limit"))) {
            JsonNode page = record(op, client.send(client.request(op, WALKER, pathIds, Map.of("limit", "1"), body)));
            if (page != null && page.path("next_token").isTextual()) {
                record(op, client.send(client.request(op, WALKER, pathIds,
                        Map.of("limit", "1", "next_token", page.path("next_token").asText()), body)));
            }
        }
        Map<String, String> filters = new LinkedHashMap<>();
        for (Parameter p : query) {
            if (!p.getName().equals("next_token")) {
                filters.put(p.getName(), Schemas.exampleText(p.getSchema(), p.getExample()));
            }
        }
        if (!filters.isEmpty() && first != null) {
            record(op, client.send(client.request(op, WALKER, pathIds, filters, body)));
        }
    }

    /** The spec's example body; the maintenance switch stays off so the walk can go on. */
    private ObjectNode body(SpecOperation op) {
        ObjectNode body = (ObjectNode) Schemas.example(op.requestBody(), false);
        if (op.id().equals("setMaintenance")) {
            body.put("enabled", false);
        }
        return body;
    }

    private ObjectNode example(String operationId) {
        return client.exampleBody(operationId);
    }

    private JsonNode call(String operationId, String user, Map<String, String> query, String body) {
        SpecOperation op = contracts.operation(operationId);
        return record(op, client.send(client.request(op, user, pathIds, query, body)));
    }

    /** Validates one answer against the operation's spec; returns its JSON when it is the documented success. */
    private JsonNode record(SpecOperation op, Http.Reply reply) {
        List<String> problems = ContractChecks.violations(op, reply);
        log.add(op.api() + " " + op.id() + " → " + reply.status() + (problems.isEmpty() ? "" : " " + problems));
        problems.forEach(p -> violations.add(op + " answered " + reply.abbreviated() + ": " + p));
        if (reply.status() != op.successStatus()) {
            violations.add(op + " answered " + reply.abbreviated() + " instead of " + op.successStatus());
            return null;
        }
        succeeded.add(op.id());
        return reply.json();
    }
}
