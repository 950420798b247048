package jp.homebiyori.common.db;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jp.homebiyori.common.config.AwsClients;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;
import java.util.Optional;

/**
 * The DynamoDB clients of a process: {@code homebiyori.dynamodb.endpoint} points at a local stand-in
 * (dynalite), {@code homebiyori.env} names the tables. Short timeouts: a DynamoDB outage answers 503
 * quickly instead of hanging a request. SDK execution interceptors that are CDI beans are added (tests count
 * calls per request with one; production has none).
 */
@ApplicationScoped
public class DynamoProducer {

    private final DynamoDbClient client;
    private final TableNames names;

    @Inject
    public DynamoProducer(@ConfigProperty(name = "homebiyori.env") String env,
                          @ConfigProperty(name = "homebiyori.aws.region", defaultValue = "ap-northeast-1") String region,
                          @ConfigProperty(name = "homebiyori.dynamodb.endpoint") Optional<String> endpoint,
                          @ConfigProperty(name = "homebiyori.dynamodb.timeout-millis", defaultValue = "3000") long timeoutMillis,
                          @ConfigProperty(name = "homebiyori.dynamodb.create-tables", defaultValue = "false") boolean createTables,
                          jakarta.enterprise.inject.Instance<software.amazon.awssdk.core.interceptor.ExecutionInterceptor> interceptors) {
        this.names = new TableNames(env);
        java.util.List<software.amazon.awssdk.core.interceptor.ExecutionInterceptor> added = interceptors.stream().toList();
        java.util.function.Supplier<DynamoDbClient> build = () -> AwsClients.build(DynamoDbClient.builder(), region, endpoint,
                Duration.ofMillis(timeoutMillis), added);
        // built by the first call, not by whoever injects it first (a 401 or a health check never needs it)
        this.client = createTables ? build.get() : AwsClients.lazy(DynamoDbClient.class, build);
        if (createTables) {
            TableProvisioner.createMissing(client, names);
        }
    }

    @Produces
    public DynamoDbClient client() {
        return client;
    }

    @Produces
    public TableNames tableNames() {
        return names;
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
