package jp.homebiyori.user.infrastructure;

import jp.homebiyori.domain.account.IdentityDeleter;

import java.util.logging.Logger;

/**
 * The identity adapter when no identity provider is configured ({@code homebiyori.identity.provider=none})
 * and none is on the classpath: it deletes nothing and says so, so a forgotten setting shows in the log.
 */
final class LoggingIdentityDeleter implements IdentityDeleter {

    private static final Logger LOG = Logger.getLogger(LoggingIdentityDeleter.class.getName());

    @Override
    public void deleteUser(String userId) {
        LOG.warning("no identity provider configured: the sign-in identity of user " + userId
                + " was not deleted (set homebiyori.identity.provider=cognito in AWS)");
    }
}
