package jp.homebiyori.contract.fuzz;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;

/**
 * JSON text of a tree, written by hand so that what a library would refuse still goes on the wire:
 * lone surrogates as {@code \\uD800} escapes, and every other non-ASCII character either raw (UTF-8)
 * or escaped.
 */
final class JsonText {

    private JsonText() {
    }

    static String write(JsonNode node, boolean escapeAll) {
        StringBuilder out = new StringBuilder();
        write(node, escapeAll, out);
        return out.toString();
    }

    private static void write(JsonNode node, boolean escapeAll, StringBuilder out) {
        if (node.isObject()) {
            out.append('{');
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            boolean first = true;
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                out.append(first ? "" : ",");
                first = false;
                string(field.getKey(), escapeAll, out);
                out.append(':');
                write(field.getValue(), escapeAll, out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(node.get(i), escapeAll, out);
            }
            out.append(']');
        } else if (node.isTextual()) {
            string(node.textValue(), escapeAll, out);
        } else {
            out.append(node.toString());
        }
    }

    static void string(String value, boolean escapeAll, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean surrogate = Character.isSurrogate(c);
            boolean paired = surrogate && Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f || (surrogate && !paired && !isSecondOfPair(value, i)) || (escapeAll && c > 0x7e)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    private static boolean isSecondOfPair(String value, int i) {
        return Character.isLowSurrogate(value.charAt(i)) && i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
    }
}
