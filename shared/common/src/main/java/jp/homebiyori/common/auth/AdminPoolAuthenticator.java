package jp.homebiyori.common.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.eclipse.microprofile.config.Config;

/** Scheme {@code adminPool}: a bearer JWT of the administrators' pool. */
@ApplicationScoped
public class AdminPoolAuthenticator implements Authenticator {

    private final CognitoJwtVerifier verifier;

    @Inject
    public AdminPoolAuthenticator(Config config) {
        this.verifier = new CognitoJwtVerifier(AuthSettings.pool(config, "admin-pool", "adminPool", Caller.Kind.ADMIN));
    }

    @Override
    public String scheme() {
        return "adminPool";
    }

    @Override
    public Caller authenticate(ContainerRequestContext request) {
        return verifier.verify(BearerTokens.from(request));
    }
}
