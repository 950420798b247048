package jp.homebiyori.common.auth;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jp.homebiyori.common.error.ApiException;

/** Reads {@code Authorization: Bearer <jwt>}. */
final class BearerTokens {

    private BearerTokens() {
    }

    static String from(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            throw ApiException.unauthorized("an Authorization: Bearer token is required");
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() > 8192) {
            throw ApiException.unauthorized("the Authorization header must be 'Bearer <token>'");
        }
        return header.substring(7).trim();
    }
}
