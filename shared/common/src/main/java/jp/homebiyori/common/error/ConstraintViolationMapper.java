package jp.homebiyori.common.error;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bean Validation failures of the spec's constraints (generated onto the interfaces and models) →
 * 400 {@code VALIDATION_ERROR} listing each field and what is wrong with it.
 */
@Provider
public final class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        List<Map<String, Object>> violations = exception.getConstraintViolations().stream()
                .map(ConstraintViolationMapper::describe)
                .sorted(Comparator.comparing(m -> m.get("field").toString()))
                .toList();
        String first = violations.isEmpty() ? "the request is not valid"
                : violations.get(0).get("field") + ": " + violations.get(0).get("message");
        return ErrorResponses.of(400, ErrorCode.VALIDATION_ERROR, first, Map.of("violations", violations));
    }

    private static Map<String, Object> describe(ConstraintViolation<?> violation) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("field", fieldName(violation.getPropertyPath()));
        result.put("message", violation.getMessage());
        return result;
    }

    /** {@code sendMessage.body.message} → {@code message}; a bare body parameter → {@code body}. */
    static String fieldName(Path path) {
        StringBuilder name = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (!name.isEmpty()) {
                    name.append('.');
                }
                name.append(snake(node.getName()));
                if (node.getIndex() != null) {
                    name.append('[').append(node.getIndex()).append(']');
                }
            }
        }
        if (!name.isEmpty()) {
            return name.toString();
        }
        return parameter == null ? "request" : snake(parameter);
    }

    private static String snake(String camel) {
        return camel == null ? "" : camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }
}
