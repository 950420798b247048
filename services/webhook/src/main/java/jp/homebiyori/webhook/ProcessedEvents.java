package jp.homebiyori.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.homebiyori.common.db.Attrs;
import jp.homebiyori.common.db.Table;
import jp.homebiyori.common.db.TableNames;
import jp.homebiyori.common.time.JstClock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * Stripe event ids already handled, in the system table ({@code STRIPE_EVENT#<id>} / {@code EVENT},
 * kept 30 days — longer than Stripe retries). An event is marked after its effects are stored, so a
 * failure half-way is retried by Stripe; every effect is itself idempotent.
 */
@ApplicationScoped
public class ProcessedEvents {

    private final DynamoDbClient dynamo;
    private final String table;
    private final JstClock clock;

    @Inject
    public ProcessedEvents(DynamoDbClient dynamo, TableNames names, JstClock clock) {
        this.dynamo = dynamo;
        this.table = names.of(Table.SYSTEM);
        this.clock = clock;
    }

    private static Map<String, AttributeValue> key(String eventId) {
        return Map.of(Table.PK, Attrs.s("STRIPE_EVENT#" + eventId), Table.SK, Attrs.s("EVENT"));
    }

    public boolean isProcessed(String eventId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(eventId)).consistentRead(true)).item();
        return item != null && !item.isEmpty();
    }

    public void markProcessed(StripeEvent event, String outcome) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(key(event.id()));
        item.put("type", Attrs.s(event.type()));
        item.put("outcome", Attrs.s(outcome));
        item.put("processed_at", Attrs.time(clock.now()));
        item.put(Table.TTL, Attrs.n(clock.instant().plusSeconds(30L * 86400).getEpochSecond()));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }
}
