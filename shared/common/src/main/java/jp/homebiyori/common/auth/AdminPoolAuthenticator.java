package jp.homebiyori.common.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.eclipse.microprofile.config.Config;

/** Scheme {@code adminPool}: a bearer JWT of the administrators' pool. */
@ApplicationScoped
public class AdminPoolAuthenticator implements Authenticator {

    private final Config config;
    private volatile CognitoJwtVerifier verifier;

    @Inject
    public AdminPoolAuthenticator(Config config) {
        this.config = config;
    }

    /** Built on first use: a function that never serves this pool's API needs none of its settings. */
    private CognitoJwtVerifier verifier() {
        CognitoJwtVerifier current = verifier;
        if (current == null) {
            current = new CognitoJwtVerifier(AuthSettings.pool(config, "admin-pool", "adminPool", Caller.Kind.ADMIN));
            verifier = current;
        }
        return current;
    }

    @Override
    public String scheme() {
        return "adminPool";
    }

    @Override
    public Caller authenticate(ContainerRequestContext request) {
        // the token first: a request without one is a 401 even where this pool is not configured
        String token = BearerTokens.from(request);
        return verifier().verify(token);
    }
}
