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
 * {@code {"time","level","logger",...}}. A message that is itself one JSON object (the request log's) has
 * its members written beside these; any other message is {@code "message"}, a thrown exception
 * {@code "exception"} (its stack trace).
 */
public class JsonLogFormatter extends Formatter {

    /** The names this formatter writes: a message object using one of them is written as a plain message. */
    private static final Set<String> RESERVED = Set.of("time", "level", "logger", "message", "exception");

    @Override
    public String format(LogRecord record) {
        String message = formatMessage(record);
        String members = JsonLine.members(message, RESERVED);
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
