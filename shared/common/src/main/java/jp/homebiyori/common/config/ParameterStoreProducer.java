package jp.homebiyori.common.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import software.amazon.awssdk.services.ssm.SsmClient;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Chooses the Parameter Store adapter: {@code homebiyori.parameters.source=ssm} in AWS (cache time
 * {@code homebiyori.parameters.cache-seconds}, default 30), {@code local} (the default) elsewhere.
 */
@ApplicationScoped
public class ParameterStoreProducer {

    private final Config config;

    @Inject
    public ParameterStoreProducer(Config config) {
        this.config = config;
    }

    @Produces
    @ApplicationScoped
    public ParameterStore parameterStore() {
        String source = config.getOptionalValue("homebiyori.parameters.source", String.class).orElse("local");
        if (!"ssm".equals(source)) {
            return InMemoryParameterStore.fromConfig(config);
        }
        String region = config.getOptionalValue("homebiyori.aws.region", String.class).orElse("ap-northeast-1");
        java.util.Optional<String> endpoint = config.getOptionalValue("homebiyori.aws.ssm.endpoint", String.class);
        // built by the first read (the maintenance filter's, on the first request), not when the filters are made
        AwsClients.Lazy<SsmClient> ssm = AwsClients.lazily(() -> AwsClients.build(SsmClient.builder(), region, endpoint, Duration.ofSeconds(3)));
        return new SsmParameterStore(ssm, config.getValue("homebiyori.env", String.class),
                Duration.ofSeconds(config.getOptionalValue("homebiyori.parameters.cache-seconds", Integer.class).orElse(30)),
                Clock.systemUTC());
    }
}
