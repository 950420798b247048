package jp.homebiyori.local;

import jakarta.enterprise.context.ApplicationScoped;
import jp.homebiyori.domain.account.IdentityDeleter;

/**
 * Account deletion's identity port in the local process: the development token issuer forgets the
 * user, so {@code ./homebiyori token --user SUB} refuses to mint new tokens for it (Cognito's
 * AdminDeleteUser in AWS).
 */
@ApplicationScoped
public class DevIssuerIdentityDeleter implements IdentityDeleter {

    @Override
    public void deleteUser(String userId) {
        LocalServices.issuer().forget(userId);
    }
}
