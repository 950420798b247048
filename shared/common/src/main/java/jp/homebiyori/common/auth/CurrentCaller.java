package jp.homebiyori.common.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jp.homebiyori.common.error.ApiException;
import jp.homebiyori.common.web.RequestScope;

/**
 * The authenticated caller of the current request, for resources: {@code currentCaller.userId()}.
 * The authentication filter has already refused a request without one where the spec demands it.
 */
@ApplicationScoped
public class CurrentCaller {

    /** The end user's id (Cognito {@code sub}); 401 if the request carries no user. */
    public String userId() {
        return RequestScope.current().caller()
                .filter(c -> c.kind() == Caller.Kind.USER)
                .map(Caller::id)
                .orElseThrow(() -> ApiException.unauthorized("a user token is required"));
    }

    /** The administrator's id; 401 if the request carries no administrator. */
    public String adminId() {
        return RequestScope.current().caller()
                .filter(c -> c.kind() == Caller.Kind.ADMIN)
                .map(Caller::id)
                .orElseThrow(() -> ApiException.unauthorized("an administrator token is required"));
    }

    /** The calling service's name; 401 if the request carries none. */
    public String serviceName() {
        return RequestScope.current().caller()
                .filter(c -> c.kind() == Caller.Kind.SERVICE)
                .map(Caller::id)
                .orElseThrow(() -> ApiException.unauthorized("a service credential is required"));
    }
}
