package jp.homebiyori.user.infrastructure;

import jp.homebiyori.domain.account.IdentityDeleter;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

import java.util.List;
import java.util.logging.Logger;

/**
 * {@link IdentityDeleter} on the Cognito admin API. A Google sign-in user's Cognito username is not
 * the {@code sub} ({@code google_…}), so the user is first found by {@code sub} ({@code ListUsers} with
 * a filter), then deleted with {@code AdminDeleteUser}. A user that is not there (any more) counts as
 * deleted. IAM: {@code cognito-idp:ListUsers} and {@code cognito-idp:AdminDeleteUser} on the pool.
 */
final class CognitoIdentityDeleter implements IdentityDeleter {

    private static final Logger LOG = Logger.getLogger(CognitoIdentityDeleter.class.getName());

    private final CognitoIdentityProviderClient cognito;
    private final String userPoolId;

    CognitoIdentityDeleter(CognitoIdentityProviderClient cognito, String userPoolId) {
        this.cognito = cognito;
        this.userPoolId = userPoolId;
    }

    @Override
    public void deleteUser(String userId) {
        if (userId.indexOf('"') >= 0 || userId.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("not a Cognito sub");
        }
        List<UserType> found = cognito.listUsers(b -> b.userPoolId(userPoolId)
                .filter("sub = \"" + userId + "\"").limit(1)).users();
        if (found.isEmpty()) {
            LOG.info("Cognito has no user with sub " + userId + " (already deleted)");
            return;
        }
        try {
            cognito.adminDeleteUser(b -> b.userPoolId(userPoolId).username(found.get(0).username()));
            LOG.info("Cognito user with sub " + userId + " deleted");
        } catch (UserNotFoundException alreadyGone) {
            LOG.info("Cognito user with sub " + userId + " was deleted meanwhile");
        }
    }
}
