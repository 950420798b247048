package jp.homebiyori.contract.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** Reading the specs' schemas: their type, and a valid value built from their {@code example}s. */
public final class Schemas {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Schemas() {
    }

    public static String type(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getTypes() != null && !schema.getTypes().isEmpty()) {
            return schema.getTypes().iterator().next();
        }
        return schema.getProperties() != null ? "object" : "string";
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Schema<?>> properties(Schema<?> schema) {
        Map<String, ? extends Schema> properties = schema.getProperties();
        return properties == null ? Map.of() : (Map<String, Schema<?>>) (Map<String, ?>) properties;
    }

    public static List<String> required(Schema<?> schema) {
        return schema.getRequired() == null ? List.of() : schema.getRequired();
    }

    /** A valid value from the spec's examples: objects get every property that has one (or only the required ones). */
    public static JsonNode example(Schema<?> schema, boolean requiredOnly) {
        String type = type(schema);
        if ("object".equals(type)) {
            ObjectNode object = NODES.objectNode();
            List<String> required = required(schema);
            properties(schema).forEach((name, property) -> {
                if (!requiredOnly || required.contains(name)) {
                    object.set(name, example(property, requiredOnly));
                }
            });
            return object;
        }
        if ("array".equals(type)) {
            return NODES.arrayNode().add(example(schema.getItems(), requiredOnly));
        }
        if (schema.getExample() != null) {
            return scalar(schema.getExample(), schema);
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return scalar(schema.getEnum().get(0), schema);
        }
        if (schema.getDefault() != null) {
            return scalar(schema.getDefault(), schema);
        }
        throw new IllegalStateException("the spec gives no example for a " + type + " schema: " + schema.getDescription());
    }

    /** An example value as it goes on the wire in a query or path: its text. */
    public static String exampleText(Schema<?> schema, Object parameterExample) {
        Object value = parameterExample != null ? parameterExample : schema.getExample();
        JsonNode node = value != null ? scalar(value, schema) : example(schema, true);
        return node.asText();
    }

    private static JsonNode scalar(Object value, Schema<?> schema) {
        if (value instanceof OffsetDateTime time) {
            return NODES.textNode(time.toString());
        }
        if (value instanceof Date date) {
            return NODES.textNode(LocalDate.ofInstant(date.toInstant(), ZoneOffset.UTC).toString());
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        return JSON.valueToTree(value);
    }
}
