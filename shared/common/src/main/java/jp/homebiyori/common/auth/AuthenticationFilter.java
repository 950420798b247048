package jp.homebiyori.common.auth;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import jp.homebiyori.common.error.ApiException;
import jp.homebiyori.common.web.ApiOperation;
import jp.homebiyori.common.web.RequestScope;

import java.util.HashMap;
import java.util.Map;

/**
 * Enforces the spec's security on every operation, read from the generated interface: {@code @PermitAll}
 * passes; otherwise the caller must prove one of the operation's schemes ({@code userPool},
 * {@code adminPool}, {@code internalApiKey}). A method that is not a spec operation is refused
 * (fail closed). Runs in pods, the local process and Lambda alike.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class AuthenticationFilter implements ContainerRequestFilter {

    private final Map<String, Authenticator> bySchema = new HashMap<>();

    @Inject
    public AuthenticationFilter(Instance<Authenticator> authenticators) {
        authenticators.forEach(a -> bySchema.put(a.scheme(), a));
    }

    @Override
    public void filter(ContainerRequestContext request) {
        ApiOperation operation = RequestScope.current().operation()
                .orElseThrow(() -> ApiException.forbidden("this route is not part of the API"));
        if (operation.permitAll()) {
            return;
        }
        ApiException failure = ApiException.unauthorized("authentication is required");
        for (String scheme : operation.roles()) {
            Authenticator authenticator = bySchema.get(scheme);
            if (authenticator == null) {
                continue;
            }
            try {
                RequestScope.current().caller(authenticator.authenticate(request));
                return;
            } catch (ApiException e) {
                failure = e;
            }
        }
        throw failure;
    }
}
