package jp.homebiyori.common.logging;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One JSON object per line for every log record (CloudWatch and kubectl logs read them alike). The
 * request log's messages are already JSON objects and are merged in; other records become
 * {@code {"time","level","logger","message","exception"}}.
 */
public class JsonLogFormatter extends Formatter {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    @SuppressWarnings("unchecked")
    public String format(LogRecord record) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.ofEpochMilli(record.getMillis()).atOffset(ZoneOffset.ofHours(9)).toString());
        line.put("level", record.getLevel().getName());
        line.put("logger", record.getLoggerName());
        String message = formatMessage(record);
        if (message != null && message.startsWith("{")) {
            try {
                line.putAll(JSON.readValue(message, Map.class));
            } catch (java.io.IOException notJson) {
                line.put("message", message);
            }
        } else {
            line.put("message", message);
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.put("exception", trace.toString());
        }
        try {
            return JSON.writeValueAsString(line) + System.lineSeparator();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return "{\"level\":\"SEVERE\",\"message\":\"log formatting failed\"}" + System.lineSeparator();
        }
    }
}
