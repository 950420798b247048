package jp.homebiyori.common.error;

import jakarta.validation.ValidationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Map;

/**
 * A Bean Validation failure that is not a constraint violation (a misconfigured constraint: our bug)
 * → 500 {@code INTERNAL_ERROR}, logged; replaces Jersey's plain-text answer.
 */
@Provider
public final class ValidationExceptionMapper implements ExceptionMapper<ValidationException> {

    @Override
    public Response toResponse(ValidationException exception) {
        UnexpectedExceptionMapper.log(exception);
        return ErrorResponses.of(500, ErrorCode.INTERNAL_ERROR, "internal error", Map.of());
    }
}
