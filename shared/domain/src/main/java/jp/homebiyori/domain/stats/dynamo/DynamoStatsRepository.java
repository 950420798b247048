package jp.homebiyori.domain.stats.dynamo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.homebiyori.common.db.Attrs;
import jp.homebiyori.common.db.Table;
import jp.homebiyori.common.db.TableNames;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.domain.stats.StatsRepository;
import jp.homebiyori.domain.subscription.Plan;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link StatsRepository} in the system table: {@code STATS#TOTALS} / {@code TOTALS} holds the totals;
 * {@code STATS#DAY#<date>} / {@code DAY} a day's counts and its set of active user ids (a string set,
 * so adding a user twice counts once; the item expires after 30 days).
 */
@ApplicationScoped
public class DynamoStatsRepository implements StatsRepository {

    private static final int DAY_RETENTION_DAYS = 30;

    private final DynamoDbClient dynamo;
    private final String table;

    @Inject
    public DynamoStatsRepository(DynamoDbClient dynamo, TableNames names) {
        this.dynamo = dynamo;
        this.table = names.of(Table.SYSTEM);
    }

    private static Map<String, AttributeValue> totalsKey() {
        return Map.of(Table.PK, Attrs.s("STATS#TOTALS"), Table.SK, Attrs.s("TOTALS"));
    }

    private static Map<String, AttributeValue> dayKey(LocalDate day) {
        return Map.of(Table.PK, Attrs.s("STATS#DAY#" + day), Table.SK, Attrs.s("DAY"));
    }

    private void addTotals(Map<String, Long> deltas) {
        if (deltas.isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        Map<String, AttributeValue> values = new HashMap<>();
        deltas.forEach((name, delta) -> {
            parts.add(name + " :" + name);
            values.put(":" + name, Attrs.n(delta));
        });
        dynamo.updateItem(b -> b.tableName(table).key(totalsKey())
                .updateExpression("ADD " + String.join(", ", parts)).expressionAttributeValues(values));
    }

    private void addDay(LocalDate day, String expression, Map<String, AttributeValue> values) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.put(":ttl", Attrs.n(JstClock.startOf(day.plusDays(DAY_RETENTION_DAYS)).getEpochSecond()));
        dynamo.updateItem(b -> b.tableName(table).key(dayKey(day))
                .updateExpression(expression + " SET #ttl = :ttl")
                .expressionAttributeNames(Map.of("#ttl", Table.TTL)).expressionAttributeValues(all));
    }

    @Override
    public void userCreated() {
        addTotals(Map.of("total_users", 1L));
    }

    @Override
    public void userOnboarded() {
        addTotals(Map.of("onboarded_users", 1L));
    }

    @Override
    public void userDeleted(boolean onboarded, Plan entitledPlan, boolean cancelScheduled, LocalDate today) {
        Map<String, Long> deltas = new HashMap<>(Map.of("total_users", -1L));
        if (onboarded) {
            deltas.put("onboarded_users", -1L);
        }
        if (entitledPlan != null && entitledPlan.isPremium()) {
            deltas.put(premiumAttribute(entitledPlan), -1L);
        }
        if (cancelScheduled) {
            deltas.put("cancellations_scheduled", -1L);
        }
        addTotals(deltas);
    }

    @Override
    public void forgetActiveUser(String userId, LocalDate today) {
        for (int i = 0; i < 8; i++) {
            LocalDate day = today.minusDays(i);
            jp.homebiyori.common.db.Conditions.applied(() -> dynamo.updateItem(b -> b.tableName(table).key(dayKey(day))
                    .updateExpression("DELETE active_users :u").conditionExpression("attribute_exists(PK)")
                    .expressionAttributeValues(Map.of(":u", AttributeValue.fromSs(List.of(userId))))));
        }
    }

    @Override
    public void messageSent(String userId, LocalDate day) {
        addDay(day, "ADD messages :one, active_users :u",
                Map.of(":one", Attrs.n(1), ":u", AttributeValue.fromSs(List.of(userId))));
    }

    @Override
    public void fruitGrown(LocalDate day) {
        addDay(day, "ADD fruits :one", Map.of(":one", Attrs.n(1)));
    }

    @Override
    public void premiumChanged(Plan from, Plan to) {
        if (from == to) {
            return;
        }
        Map<String, Long> deltas = new HashMap<>();
        if (from.isPremium()) {
            deltas.put(premiumAttribute(from), -1L);
        }
        if (to.isPremium()) {
            deltas.put(premiumAttribute(to), 1L);
        }
        addTotals(deltas);
    }

    @Override
    public void cancellationScheduledChanged(int delta) {
        if (delta != 0) {
            addTotals(Map.of("cancellations_scheduled", (long) delta));
        }
    }

    private static String premiumAttribute(Plan plan) {
        return "premium_" + plan.id();
    }

    @Override
    public Snapshot snapshot(LocalDate today) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>(List.of(totalsKey()));
        for (int i = 0; i < 7; i++) {
            keys.add(dayKey(today.minusDays(i)));
        }
        Map<String, Map<String, AttributeValue>> byPk = new HashMap<>();
        Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
        while (!request.isEmpty()) {
            Map<String, KeysAndAttributes> current = request;
            var response = dynamo.batchGetItem(b -> b.requestItems(current));
            response.responses().getOrDefault(table, List.of()).forEach(item -> byPk.put(item.get(Table.PK).s(), item));
            request = response.unprocessedKeys();
        }
        Map<String, AttributeValue> totals = byPk.getOrDefault("STATS#TOTALS", Map.of());
        Map<String, AttributeValue> todayItem = byPk.getOrDefault("STATS#DAY#" + today, Map.of());
        Set<String> active = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            AttributeValue users = byPk.getOrDefault("STATS#DAY#" + today.minusDays(i), Map.of()).get("active_users");
            if (users != null && users.hasSs()) {
                active.addAll(users.ss());
            }
        }
        return new Snapshot(today,
                Attrs.num(totals, "total_users", 0), Attrs.num(totals, "onboarded_users", 0),
                Attrs.num(totals, "premium_monthly", 0), Attrs.num(totals, "premium_yearly", 0),
                Attrs.num(totals, "cancellations_scheduled", 0),
                Attrs.num(todayItem, "messages", 0), Attrs.num(todayItem, "fruits", 0), active.size());
    }
}
