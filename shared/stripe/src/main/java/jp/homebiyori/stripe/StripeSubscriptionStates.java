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

    /** Latest epoch second accepted for a Stripe time (9999-12-31T23:59:59Z): anything later is not a time Stripe sends. */
    static final long LATEST_EPOCH_SECOND = 253_402_300_799L;

    /**
     * Whether the object can be read as a subscription at all: a subscription id, and every time it carries
     * (period bounds on the subscription or its first item, {@code ended_at}) a whole second between 1970
     * and 9999. An object that fails this is not Stripe's: the caller refuses it before anything is written.
     */
    public static boolean isReadable(JsonNode object) {
        JsonNode id = object.path("id");
        if (!id.isTextual() || !id.asText().matches("[A-Za-z0-9_-]{1,255}")) {
            return false;
        }
        JsonNode item = object.path("items").path("data").path(0);
        for (JsonNode holder : new JsonNode[]{object, item}) {
            for (String field : new String[]{"current_period_start", "current_period_end", "ended_at"}) {
                JsonNode value = holder.path(field);
                if (!value.isMissingNode() && !value.isNull() && !isEpochSecond(value)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A whole number of seconds between 1970-01-01 and 9999-12-31 (Stripe's timestamps). */
    public static boolean isEpochSecond(JsonNode value) {
        return value.isIntegralNumber() && value.canConvertToLong() && value.asLong() >= 0 && value.asLong() <= LATEST_EPOCH_SECOND;
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
        if (isEpochSecond(ended)) {
            return JstClock.toJst(Instant.ofEpochSecond(ended.asLong()));
        }
        return deleted ? JstClock.toJst(Instant.ofEpochSecond(stateAt)) : null;
    }

    /** As {@link #fromObject}, from Stripe's JSON text; unreadable JSON is a 503 (Stripe answered nonsense). */
    public Subscription fromJson(String json, String userId, Subscription before, long stateAt) {
        try {
            JsonNode object = JSON.readTree(json);
            if (!isReadable(object)) {
                throw ApiException.unavailable("the payment service answered an unreadable subscription; please retry", 30);
            }
            return fromObject(object, false, userId, before, stateAt);
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
        JsonNode value = isEpochSecond(subscription.path(field)) ? subscription.path(field) : item.path(field);
        return isEpochSecond(value) ? JstClock.toJst(Instant.ofEpochSecond(value.asLong())) : null;
    }
}
