package jp.homebiyori.common.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import jp.homebiyori.common.error.ErrorCode;
import jp.homebiyori.common.error.ErrorResponses;

import java.util.Map;
import java.util.function.Consumer;

/**
 * Refuses a request whose {@code Accept} or {@code Content-Type} header cannot be parsed, with the
 * {@code Error} body. Left to Jersey, such a header fails later (while matching the route) and Jersey
 * answers a bare 400 without consulting any exception mapper; parsing both here, before matching, keeps
 * every client mistake a JSON error with a stable code. Runs right after the request id is assigned.
 */
@Provider
@PreMatching
@Priority(2)
public class MediaTypeHeadersFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        refuseIfUnparseable(request, "Accept", ContainerRequestContext::getAcceptableMediaTypes);
        if (request.getHeaderString("Content-Type") != null) {
            refuseIfUnparseable(request, "Content-Type", ContainerRequestContext::getMediaType);
        }
    }

    private static void refuseIfUnparseable(ContainerRequestContext request, String header,
                                            Consumer<ContainerRequestContext> parse) {
        try {
            parse.accept(request);
        } catch (RuntimeException e) {
            // Jersey's HeaderValueException (a ProcessingException) or IllegalArgumentException; the value is not echoed
            request.abortWith(ErrorResponses.of(400, ErrorCode.VALIDATION_ERROR,
                    "the " + header + " header is not a valid media type", Map.of("header", header)));
        }
    }
}
