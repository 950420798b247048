package jp.homebiyori.common.db;

import jp.homebiyori.common.time.JstClock;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** Small, null-safe readers and writers of DynamoDB attribute values for the item classes. */
public final class Attrs {

    private Attrs() {
    }

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    public static AttributeValue bool(boolean value) {
        return AttributeValue.fromBool(value);
    }

    /** A timestamp in the fixed-width JST format, which sorts as a string in time order. */
    public static AttributeValue time(OffsetDateTime value) {
        return AttributeValue.fromS(JstClock.format(value));
    }

    public static AttributeValue strings(List<String> values) {
        return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
    }

    /** Puts {@code value} unless it is null (DynamoDB has no use for empty attributes). */
    public static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    public static void putIfPresent(Map<String, AttributeValue> item, String name, OffsetDateTime value) {
        if (value != null) {
            item.put(name, time(value));
        }
    }

    public static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    public static long num(Map<String, AttributeValue> item, String name, long fallback) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? fallback : Long.parseLong(v.n());
    }

    public static boolean bool(Map<String, AttributeValue> item, String name, boolean fallback) {
        AttributeValue v = item.get(name);
        return v == null || v.bool() == null ? fallback : v.bool();
    }

    public static OffsetDateTime time(Map<String, AttributeValue> item, String name) {
        String v = str(item, name);
        return v == null ? null : OffsetDateTime.parse(v);
    }

    public static List<String> strings(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || !v.hasL() ? List.of() : v.l().stream().map(AttributeValue::s).toList();
    }
}
