package jp.homebiyori.domain.subscription.dynamo;

import jp.homebiyori.common.db.Attrs;
import jp.homebiyori.common.db.Table;
import jp.homebiyori.domain.subscription.Plan;
import jp.homebiyori.domain.subscription.Subscription;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.Map;

/** {@code USER#<id>} / {@code SUBSCRIPTION}; GSI1 {@code CUSTOMER#<stripe customer id>} / {@code SUBSCRIPTION}. */
final class SubscriptionItem {

    static final String SUBSCRIPTION = "SUBSCRIPTION";

    private SubscriptionItem() {
    }

    static Map<String, AttributeValue> key(String userId) {
        return Map.of(Table.PK, Attrs.s("USER#" + userId), Table.SK, Attrs.s(SUBSCRIPTION));
    }

    static AttributeValue customerKey(String customerId) {
        return Attrs.s("CUSTOMER#" + customerId);
    }

    static Map<String, AttributeValue> toItem(Subscription s) {
        Map<String, AttributeValue> item = new HashMap<>(key(s.userId()));
        item.put("user_id", Attrs.s(s.userId()));
        if (s.customerId() != null) {
            item.put("customer_id", Attrs.s(s.customerId()));
            item.put(Table.GSI1PK, customerKey(s.customerId()));
            item.put(Table.GSI1SK, Attrs.s(SUBSCRIPTION));
        }
        Attrs.putIfPresent(item, "subscription_id", s.subscriptionId());
        item.put("current_plan", Attrs.s(s.plan().id()));
        item.put("status", Attrs.s(s.status()));
        Attrs.putIfPresent(item, "current_period_start", s.currentPeriodStart());
        Attrs.putIfPresent(item, "current_period_end", s.currentPeriodEnd());
        item.put("cancel_at_period_end", Attrs.bool(s.cancelAtPeriodEnd()));
        item.put("ttl_days", Attrs.n(s.planInForce().chatRetentionDays()));
        item.put("state_at", Attrs.n(s.stateAt()));
        item.put("state_key", Attrs.s(s.stateKey()));
        Attrs.putIfPresent(item, "updated_at", s.updatedAt());
        Attrs.putIfPresent(item, "ended_at", s.endedAt());
        return item;
    }

    static Subscription fromItem(Map<String, AttributeValue> item) {
        return new Subscription(
                Attrs.str(item, "user_id"),
                Attrs.str(item, "customer_id"),
                Attrs.str(item, "subscription_id"),
                Plan.fromId(Attrs.str(item, "current_plan")).orElse(Plan.FREE),
                Attrs.str(item, "status") == null ? Subscription.NONE : Attrs.str(item, "status"),
                Attrs.time(item, "current_period_start"),
                Attrs.time(item, "current_period_end"),
                Attrs.bool(item, "cancel_at_period_end", false),
                Attrs.num(item, "state_at", 0),
                Attrs.time(item, "updated_at"),
                Attrs.time(item, "ended_at"));
    }
}
