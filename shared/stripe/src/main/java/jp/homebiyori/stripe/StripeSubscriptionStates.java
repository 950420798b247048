package jp.homebiyori.stripe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.homebiyori.common.error.ApiException;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.domain.subscription.Plan;
import jp.homebiyori.domain.subscription.Subscription;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A Stripe subscription object (an event's {@code data.object}, or what Stripe's API answered) as the
 * backend's {@link Subscription}: the plan from the item's price, {@code active} with
 * {@code cancel_at_period_end} as {@code cancel_scheduled}, the period from the item (newer API versions)
 * or the subscription (older ones). What the object lacks is kept from the state before.
 */
@ApplicationScoped
public class StripeSubscriptionStates {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StripePrices prices;
    private final JstClock clock;

    @Inject
    public StripeSubscriptionStates(StripePrices prices, JstClock clock) {
        this.prices = prices;
        this.clock = clock;
    }

    /** {@code deleted}: the object comes from {@code customer.subscription.deleted} (the subscription has ended). */
    public Subscription fromObject(JsonNode object, boolean deleted, String userId, Subscription before, long stateAt) {
        JsonNode item = object.path("items").path("data").path(0);
        Plan plan = prices.planOfPrice(item.path("price").path("id").asText(null)).orElse(before.plan());
        boolean cancelAtEnd = object.path("cancel_at_period_end").asBoolean(before.cancelAtPeriodEnd());
        String status = deleted ? "canceled" : text(object, "status");
        if ("active".equals(status) && cancelAtEnd) {
            status = Subscription.CANCEL_SCHEDULED;
        }
        OffsetDateTime start = epoch(object, item, "current_period_start");
        OffsetDateTime end = epoch(object, item, "current_period_end");
        String customer = text(object, "customer");
        String id = text(object, "id");
        return new Subscription(userId, customer == null ? before.customerId() : customer, id == null ? before.subscriptionId() : id,
                plan, status == null ? before.status() : status,
                start == null ? before.currentPeriodStart() : start, end == null ? before.currentPeriodEnd() : end,
                cancelAtEnd, stateAt, clock.now(), endedAt(object, deleted, stateAt));
    }

    /** Stripe's {@code ended_at} of an ended subscription (the event's time if a deletion lacks it). */
    private static OffsetDateTime endedAt(JsonNode object, boolean deleted, long stateAt) {
        JsonNode ended = object.path("ended_at");
        if (ended.canConvertToLong()) {
            return JstClock.toJst(Instant.ofEpochSecond(ended.asLong()));
        }
        return deleted ? JstClock.toJst(Instant.ofEpochSecond(stateAt)) : null;
    }

    /** As {@link #fromObject}, from Stripe's JSON text; unreadable JSON is a 503 (Stripe answered nonsense). */
    public Subscription fromJson(String json, String userId, Subscription before, long stateAt) {
        try {
            return fromObject(JSON.readTree(json), false, userId, before, stateAt);
        } catch (JsonProcessingException e) {
            throw ApiException.unavailable("the payment service answered an unreadable subscription; please retry", 30);
        }
    }

    private static String text(JsonNode object, String field) {
        JsonNode node = object.path(field);
        return node.isTextual() ? node.asText() : null;
    }

    /** Period bounds sit on the subscription in older API versions and on its items in newer ones. */
    private static OffsetDateTime epoch(JsonNode subscription, JsonNode item, String field) {
        JsonNode value = subscription.path(field).canConvertToLong() ? subscription.path(field) : item.path(field);
        return value.canConvertToLong() ? JstClock.toJst(Instant.ofEpochSecond(value.asLong())) : null;
    }
}
