package jp.homebiyori.common.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One JSON object per line for every log record (CloudWatch and kubectl logs read them alike):
 * {@code {"time","level","logger",...}}. A message of a structured logger (the request log's,
 * {@value #ACCESS_LOGGER}) that is one JSON object has its members written beside these; any other message is
 * {@code "message"} — even one that looks like an object, so that text from outside (an exception's message)
 * can never forge a field — and a thrown exception {@code "exception"} (its stack trace).
 */
public class JsonLogFormatter extends Formatter {

    /** The request log: one line per request, its message the line's own fields. */
    public static final String ACCESS_LOGGER = "homebiyori.access";

    /** The names this formatter writes: a message object using one of them is written as a plain message. */
    private static final Set<String> RESERVED = Set.of("time", "level", "logger", "message", "exception");

    @Override
    public String format(LogRecord record) {
        String message = formatMessage(record);
        String members = ACCESS_LOGGER.equals(record.getLoggerName()) ? JsonLine.members(message, RESERVED) : null;
        return JsonLine.of(json -> {
            json.writeStringField("time", Instant.ofEpochMilli(record.getMillis()).atOffset(ZoneOffset.ofHours(9)).toString());
            json.writeStringField("level", record.getLevel().getName());
            json.writeStringField("logger", record.getLoggerName());
            if (members == null) {
                json.writeStringField("message", message);
            }
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                json.writeStringField("exception", trace.toString());
            }
            if (members != null && !members.isEmpty()) {
                json.writeRaw(',');
                json.writeRaw(members);
            }
        }) + System.lineSeparator();
    }
}
