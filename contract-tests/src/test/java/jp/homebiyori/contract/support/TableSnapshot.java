package jp.homebiyori.contract.support;

import jp.homebiyori.common.db.Table;
import jp.homebiyori.common.db.TableNames;
import jp.homebiyori.testkit.TestStack;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every item of every table of the test class's environment ({@link TableNames} × {@link Table}),
 * scanned through {@link TestStack#dynamo()}: two snapshots differ when anything was written, added,
 * changed or deleted.
 */
public record TableSnapshot(Map<String, Set<String>> items) {

    public static TableSnapshot take(TableNames names) {
        Map<String, Set<String>> items = new LinkedHashMap<>();
        for (Table table : Table.values()) {
            String name = names.of(table);
            Set<String> rows = new TreeSet<>();
            Map<String, AttributeValue> start = null;
            do {
                ScanResponse page = TestStack.dynamo().scan(ScanRequest.builder().tableName(name)
                        .consistentRead(true).exclusiveStartKey(start).build());
                page.items().forEach(item -> rows.add(new TreeMap<>(item).toString()));
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null);
            items.put(name, rows);
        }
        return new TableSnapshot(items);
    }

    public int count() {
        return items.values().stream().mapToInt(Set::size).sum();
    }

    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        items.forEach((table, rows) -> counts.put(table, rows.size()));
        return counts;
    }

    /** What changed from {@code before} to this snapshot, one line per added or removed item; empty when nothing. */
    public List<String> changesSince(TableSnapshot before) {
        List<String> changes = new ArrayList<>();
        items.forEach((table, rows) -> {
            Set<String> old = before.items().getOrDefault(table, Set.of());
            rows.stream().filter(r -> !old.contains(r)).forEach(r -> changes.add("+ " + table + " " + abbreviate(r)));
            old.stream().filter(r -> !rows.contains(r)).forEach(r -> changes.add("- " + table + " " + abbreviate(r)));
        });
        return changes;
    }

    private static String abbreviate(String row) {
        return row.length() > 300 ? row.substring(0, 300) + "…" : row;
    }
}
