package jp.homebiyori.user.infrastructure;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jp.homebiyori.common.config.AwsClients;
import jp.homebiyori.domain.account.IdentityDeleter;
import org.eclipse.microprofile.config.Config;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

import java.time.Duration;

/**
 * Chooses the {@link IdentityDeleter}: {@code homebiyori.identity.provider=cognito} → the Cognito admin
 * API (pool {@code homebiyori.auth.user-pool.pool-id}, endpoint override
 * {@code homebiyori.aws.cognito.endpoint} for tests); otherwise an {@code IdentityDeleter} bean on the
 * classpath (the local stack's development issuer), or else one that only logs. The adapters of this
 * module are no beans themselves, so they never make such a bean ambiguous.
 */
@ApplicationScoped
public class IdentityDeleters {

    private final Config config;
    private final Instance<IdentityDeleter> provided;
    private volatile IdentityDeleter current;
    private CognitoIdentityProviderClient cognito;

    @Inject
    public IdentityDeleters(Config config, Instance<IdentityDeleter> provided) {
        this.config = config;
        this.provided = provided;
    }

    public IdentityDeleter current() {
        IdentityDeleter deleter = current;
        if (deleter == null) {
            deleter = choose();
            current = deleter;
        }
        return deleter;
    }

    private synchronized IdentityDeleter choose() {
        if (current != null) {
            return current;
        }
        String provider = config.getOptionalValue("homebiyori.identity.provider", String.class).orElse("none");
        if ("cognito".equals(provider)) {
            cognito = AwsClients.build(CognitoIdentityProviderClient.builder(),
                    config.getOptionalValue("homebiyori.aws.region", String.class).orElse("ap-northeast-1"),
                    config.getOptionalValue("homebiyori.aws.cognito.endpoint", String.class),
                    Duration.ofSeconds(3));
            return new CognitoIdentityDeleter(cognito, config.getValue("homebiyori.auth.user-pool.pool-id", String.class));
        }
        return provided.isResolvable() ? provided.get() : new LoggingIdentityDeleter();
    }

    @PreDestroy
    synchronized void close() {
        if (cognito != null) {
            cognito.close();
        }
    }
}
