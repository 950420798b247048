package jp.homebiyori.domain.account;

/**
 * Port to the identity provider, used last by account deletion: removes the sign-in identity, so the
 * user can no longer sign in or refresh a token. AWS: the Cognito admin API; local: the development
 * token issuer forgets the user.
 */
public interface IdentityDeleter {

    /**
     * Deletes the identity whose subject is {@code userId} (the Cognito {@code sub}). Idempotent: an
     * identity that does not exist (any more) is no error.
     *
     * @throws RuntimeException if the provider could not be reached or refused; the caller reports the
     *                          deletion as unfinished so that it can be called again
     */
    void deleteUser(String userId);
}
