package jp.homebiyori.common.error;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Bodies Jackson cannot read: broken JSON → {@code MALFORMED_JSON}; unknown fields, wrong types and
 * unknown enum values → {@code VALIDATION_ERROR} naming the field. Replaces Jersey's plain-text mappers.
 */
public final class JsonExceptionMappers {

    private JsonExceptionMappers() {
    }

    static Response toResponse(JsonProcessingException exception) {
        if (exception instanceof UnrecognizedPropertyException unknown) {
            return ErrorResponses.of(400, ErrorCode.VALIDATION_ERROR,
                    "unknown field '" + unknown.getPropertyName() + "'",
                    Map.of("field", unknown.getPropertyName(), "rule", "unknown_field"));
        }
        if (exception instanceof JsonMappingException mapping && !(exception instanceof JsonParseException)
                && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String rule = exception instanceof InvalidFormatException ? "format" : "type";
            return ErrorResponses.of(400, ErrorCode.VALIDATION_ERROR,
                    "field '" + field + "' has a value of the wrong type or format",
                    Map.of("field", field, "rule", rule));
        }
        if (exception instanceof MismatchedInputException) {
            return ErrorResponses.of(400, ErrorCode.VALIDATION_ERROR,
                    "the body must be a JSON object of the documented shape", Map.of());
        }
        return ErrorResponses.of(400, ErrorCode.MALFORMED_JSON, "the body is not valid JSON", Map.of());
    }

    /** Broken JSON. */
    @Provider
    @Priority(1)
    public static final class Parse implements ExceptionMapper<JsonParseException> {
        @Override
        public Response toResponse(JsonParseException exception) {
            return JsonExceptionMappers.toResponse(exception);
        }
    }

    /** Well-formed JSON of the wrong shape. */
    @Provider
    @Priority(1)
    public static final class Mapping implements ExceptionMapper<JsonMappingException> {
        @Override
        public Response toResponse(JsonMappingException exception) {
            return JsonExceptionMappers.toResponse(exception);
        }
    }

    /** Anything else Jackson throws while reading. */
    @Provider
    @Priority(1)
    public static final class Processing implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException exception) {
            return JsonExceptionMappers.toResponse(exception);
        }
    }
}
