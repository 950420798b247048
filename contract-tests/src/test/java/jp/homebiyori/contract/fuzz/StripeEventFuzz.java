package jp.homebiyori.contract.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.homebiyori.contract.support.Schemas;
import jp.homebiyori.testkit.StripeEvents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;

/**
 * Stripe events of every handled type (and some that are not), with fields made odd: wrong types,
 * extreme epoch seconds, unknown prices and statuses, users that do or do not exist. The fuzzer signs
 * most of them with the real webhook secret, so they get past the signature to the event handling.
 */
final class StripeEventFuzz {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> TYPES = List.of("customer.subscription.created", "customer.subscription.updated",
            "customer.subscription.deleted", "invoice.payment_succeeded", "invoice.payment_failed", "charge.refunded",
            "checkout.session.completed", "");
    private static final List<String> FIELDS = List.of("id", "created", "type", "data", "object", "livemode",
            "data.object", "data.object.customer", "data.object.status", "data.object.cancel_at_period_end",
            "data.object.metadata", "data.object.metadata.user_id", "data.object.items", "data.object.items.data",
            "item.current_period_start", "item.current_period_end", "item.price", "item.price.id", "data.object.id",
            "data.object.current_period_end");

    private StripeEventFuzz() {
    }

    /** A mutated event for one of {@code users} (or a stranger). */
    static String event(Random random, List<String> users) {
        long now = System.currentTimeMillis() / 1000;
        String type = TYPES.get(random.nextInt(TYPES.size()));
        String user = random.nextInt(4) == 0 ? BadValues.oddString(random) : users.get(random.nextInt(users.size()));
        String id = "evt_fuzz_" + Long.toHexString(random.nextLong());
        String base = type.startsWith("invoice")
                ? StripeEvents.invoiceEvent(id, type, now, "cus_" + Math.abs(user.hashCode()))
                : StripeEvents.subscriptionEvent(id, type, now, "u", "cus_" + Math.abs(user.hashCode()), "sub_" + random.nextInt(5),
                random.nextBoolean() ? "price_monthly_local" : "price_yearly_local", random.nextBoolean() ? "active" : "past_due",
                random.nextBoolean(), now - 86_400, now + 30 * 86_400L);
        ObjectNode event;
        try {
            event = (ObjectNode) Schemas.JSON.readTree(base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (event.path("data").path("object").path("metadata").isObject()) {
            ((ObjectNode) event.path("data").path("object").path("metadata")).put("user_id", user);
        }
        int mutations = random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            mutate(event, FIELDS.get(random.nextInt(FIELDS.size())), random);
        }
        return JsonText.write(event, random.nextBoolean());
    }

    private static void mutate(ObjectNode event, String field, Random random) {
        String[] path = field.split("\\.");
        JsonNode parent = event;
        if (path[0].equals("item")) {
            parent = event.path("data").path("object").path("items").path("data").path(0);
        } else {
            for (int i = 0; i < path.length - 1; i++) {
                parent = parent.path(path[i]);
            }
        }
        if (!(parent instanceof ObjectNode object)) {
            return;
        }
        String name = path[path.length - 1];
        switch (random.nextInt(5)) {
            case 0 -> object.remove(name);
            case 1 -> object.set(name, BadValues.wrongType(object.path(name).isNumber() ? "integer" : "string", random));
            case 2 -> object.set(name, extremeNumber(random));
            case 3 -> object.put(name, BadValues.oddString(random));
            default -> object.set(name, odd(random));
        }
    }

    private static JsonNode extremeNumber(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> NODES.numberNode(Long.MAX_VALUE);
            case 1 -> NODES.numberNode(Long.MIN_VALUE);
            case 2 -> NODES.numberNode(new BigDecimal("1e30"));
            case 3 -> NODES.numberNode(-1);
            case 4 -> NODES.numberNode(0);
            case 5 -> NODES.numberNode(31_556_889_864_403_200L);
            case 6 -> NODES.numberNode(253_402_300_800L);
            default -> NODES.numberNode(1.5e9);
        };
    }

    private static JsonNode odd(Random random) {
        ArrayNode array = NODES.arrayNode();
        array.addObject().put("id", BadValues.oddString(random));
        return random.nextBoolean() ? array : NODES.nullNode();
    }
}
