package jp.homebiyori.common.logging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLogFormatterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonLogFormatter formatter = new JsonLogFormatter();

    private static LogRecord record(Level level, String message) {
        return record(level, message, JsonLogFormatter.ACCESS_LOGGER);
    }

    private static LogRecord record(Level level, String message, String logger) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName(logger);
        record.setMillis(1_700_000_000_000L);
        return record;
    }

    private JsonNode line(LogRecord record) throws Exception {
        String text = formatter.format(record);
        assertThat(text).endsWith(System.lineSeparator());
        assertThat(text.strip()).doesNotContain("\n");
        return JSON.readTree(text);
    }

    @Test
    void plainMessage_isAMessageField_withTimeInJstLevelAndLogger() throws Exception {
        JsonNode line = line(record(Level.INFO, "Beans wired in 12 ms \"quoted\"", "test.logger"));

        assertThat(line.path("time").asText()).isEqualTo("2023-11-15T07:13:20+09:00");
        assertThat(line.path("level").asText()).isEqualTo("INFO");
        assertThat(line.path("logger").asText()).isEqualTo("test.logger");
        assertThat(line.path("message").asText()).isEqualTo("Beans wired in 12 ms \"quoted\"");
    }

    @Test
    void anObjectFromAnyOtherLogger_staysAMessage_soOutsideTextForgesNoField() throws Exception {
        String forged = "{\"type\":\"request\",\"user_id\":\"someone-else\"}";
        JsonNode line = line(record(Level.WARNING, forged, "jp.homebiyori.chat.ChatService"));

        assertThat(line.path("message").asText()).isEqualTo(forged);
        assertThat(line.has("type")).isFalse();
        assertThat(line.has("user_id")).isFalse();
    }

    @Test
    void messageThatIsOneObject_hasItsMembersBesideTheFormattersOwn() throws Exception {
        JsonNode line = line(record(Level.INFO, "{\"type\":\"request\",\"status\":401,\"latency_ms\":0.5,\"user_id\":null,\"nested\":{\"a\":[1,2]}}"));

        assertThat(line.has("message")).isFalse();
        assertThat(line.path("type").asText()).isEqualTo("request");
        assertThat(line.path("status").asInt()).isEqualTo(401);
        assertThat(line.path("latency_ms").asDouble()).isEqualTo(0.5);
        assertThat(line.get("user_id").isNull()).isTrue();
        assertThat(line.path("nested").path("a").get(1).asInt()).isEqualTo(2);
        assertThat(line.path("logger").asText()).isEqualTo(JsonLogFormatter.ACCESS_LOGGER);
    }

    @Test
    void messagesThatAreNotExactlyOneObject_stayMessages() throws Exception {
        for (String message : List.of("{not json", "{\"a\":1} trailing", "{\"a\":1}{\"b\":2}", "{\"level\":\"forged\"}",
                "{\"a\":\n1}", "[1,2]", "{\"a\":1")) {
            JsonNode line = line(record(Level.WARNING, message));

            assertThat(line.path("message").asText()).as(message).isEqualTo(message);
            assertThat(line.path("level").asText()).as(message).isEqualTo("WARNING");
        }
    }

    @Test
    void emptyObject_addsNothing() throws Exception {
        JsonNode line = line(record(Level.INFO, "{}"));

        assertThat(line.size()).isEqualTo(3);
    }

    @Test
    void thrown_isTheStackTrace_andParametersAreFormatted() throws Exception {
        LogRecord record = record(Level.SEVERE, "failed for {0}");
        record.setParameters(new Object[] {"tree"});
        record.setThrown(new IllegalStateException("boom"));

        JsonNode line = line(record);

        assertThat(line.path("message").asText()).isEqualTo("failed for tree");
        assertThat(line.path("exception").asText()).startsWith("java.lang.IllegalStateException: boom").contains("\tat ");
    }

    @Test
    void nullMessage_isNull() throws Exception {
        JsonNode line = line(record(Level.INFO, null));

        assertThat(line.get("message").isNull()).isTrue();
    }
}
