package jp.homebiyori.common.auth;

import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * Proves a caller for one security scheme of the specs ({@code userPool}, {@code adminPool},
 * {@code internalApiKey}). Throws {@link jp.homebiyori.common.error.ApiException} (401/403) if it cannot.
 */
public interface Authenticator {

    /** The spec's security scheme name this authenticator answers for. */
    String scheme();

    Caller authenticate(ContainerRequestContext request);
}
