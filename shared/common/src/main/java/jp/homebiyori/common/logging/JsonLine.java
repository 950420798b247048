package jp.homebiyori.common.logging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * One JSON object written field by field with Jackson's streaming generator: what log lines are made of.
 * No object mapper: nothing to introspect, nothing cached per type, a few classes at a cold start.
 */
public final class JsonLine {

    static final JsonFactory FACTORY = JsonFactory.builder().build();

    /** Writes the fields of one object. */
    @FunctionalInterface
    public interface Fields {
        void write(JsonGenerator json) throws IOException;
    }

    private JsonLine() {
    }

    /** The object with {@code fields}, on one line. */
    public static String of(Fields fields) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            fields.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a StringWriter does not fail: a field writer did
        }
        return out.toString();
    }

    /**
     * The members of {@code text} (its text between the braces, trimmed) if it is exactly one JSON object on
     * one line none of whose top-level names is in {@code reserved}; otherwise null.
     */
    static String members(String text, Set<String> reserved) {
        if (text == null || !text.startsWith("{") || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return null;
        }
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                if (token != JsonToken.FIELD_NAME || reserved.contains(parser.currentName())) {
                    return null;
                }
                parser.nextToken();
                parser.skipChildren();
            }
            if (parser.nextToken() != null) {
                return null;   // something after the object
            }
            return text.substring(1, text.lastIndexOf('}')).trim();
        } catch (IOException | RuntimeException notOneObject) {
            return null;
        }
    }
}
