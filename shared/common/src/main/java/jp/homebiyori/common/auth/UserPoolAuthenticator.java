package jp.homebiyori.common.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.eclipse.microprofile.config.Config;

/** Scheme {@code userPool}: a bearer JWT of the end-user pool. */
@ApplicationScoped
public class UserPoolAuthenticator implements Authenticator {

    private final Config config;
    private volatile CognitoJwtVerifier verifier;

    @Inject
    public UserPoolAuthenticator(Config config) {
        this.config = config;
    }

    /** Built on first use: a function that never serves this pool's API needs none of its settings. */
    private CognitoJwtVerifier verifier() {
        CognitoJwtVerifier current = verifier;
        if (current == null) {
            current = new CognitoJwtVerifier(AuthSettings.pool(config, "user-pool", "userPool", Caller.Kind.USER));
            verifier = current;
        }
        return current;
    }

    @Override
    public String scheme() {
        return "userPool";
    }

    @Override
    public Caller authenticate(ContainerRequestContext request) {
        // the token first: a request without one is a 401 even where this pool is not configured
        String token = BearerTokens.from(request);
        return verifier().verify(token);
    }
}
