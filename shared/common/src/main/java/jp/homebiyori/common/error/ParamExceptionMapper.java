package jp.homebiyori.common.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.glassfish.jersey.server.ParamException;

import java.util.Map;

/**
 * A query, path or header parameter that does not convert (e.g. {@code limit=abc}). JAX-RS says 404
 * for query and path parameters; for a client that is a lie, so this answers 400 naming the parameter.
 */
@Provider
public final class ParamExceptionMapper implements ExceptionMapper<ParamException> {

    @Override
    public Response toResponse(ParamException exception) {
        return ErrorResponses.of(400, ErrorCode.VALIDATION_ERROR,
                "parameter '" + exception.getParameterName() + "' has an invalid value",
                Map.of("field", exception.getParameterName(), "rule", "type"));
    }
}
