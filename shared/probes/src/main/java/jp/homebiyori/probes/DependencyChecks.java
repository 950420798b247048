package jp.homebiyori.probes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jp.homebiyori.common.config.ParameterStore;
import jp.homebiyori.common.db.Attrs;
import jp.homebiyori.common.db.Table;
import jp.homebiyori.common.db.TableNames;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The pod's readiness checks of its AWS dependencies ({@link ProbesExtension} registers those a service uses).
 * Each is one cheap call with a timeout of {@code homebiyori.probes.timeout-millis} (1500), its answer cached
 * for {@code homebiyori.probes.cache-millis} (5000); the first check asked starts the stale calls of all, so a
 * probe waits about one timeout, not one per check.
 * <ul>
 *   <li>{@code dynamodb}: {@code GetItem} of an absent key in the system table (data plane: no control-plane
 *       rate limit, half a read unit; the table every service's deleted-account check reads);</li>
 *   <li>{@code sqs}: {@code GetQueueAttributes(QueueArn)} of the TTL queue ({@code homebiyori.sqs.ttl-queue-url};
 *       UP with {@code queue=not configured} when there is none, which the service reports on its own);</li>
 *   <li>{@code parameter-store}: an uncached {@code GetParameter} of {@code maintenance/enabled}, which every
 *       service reads on every request; UP at once when the parameters come from the configuration ({@code local}).</li>
 * </ul>
 * {@code homebiyori.probes.readiness.enabled=false} turns them into UP answers that say so (the operator's way
 * out if a shared dependency's outage should not take every pod out of its Service).
 */
@ApplicationScoped
public class DependencyChecks {

    static final Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> PROBE_KEY =
            Map.of(Table.PK, Attrs.s("HEALTH#readiness"), Table.SK, Attrs.s("PROBE"));
    static final String PROBE_PARAMETER = "maintenance/enabled";

    private final Instance<DynamoDbClient> dynamo;
    private final Instance<TableNames> tables;
    private final Instance<SqsClient> sqs;
    private final Instance<ParameterStore> parameters;
    private final Optional<String> queueUrl;
    private final boolean enabled;
    private final Duration timeout;
    private final Duration cacheFor;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, HealthCheck> made = new java.util.concurrent.ConcurrentHashMap<>();

    @Inject
    public DependencyChecks(Instance<DynamoDbClient> dynamo, Instance<TableNames> tables, Instance<SqsClient> sqs,
                            Instance<ParameterStore> parameters,
                            @ConfigProperty(name = "homebiyori.sqs.ttl-queue-url") Optional<String> queueUrl,
                            @ConfigProperty(name = "homebiyori.probes.readiness.enabled", defaultValue = "true") boolean enabled,
                            @ConfigProperty(name = "homebiyori.probes.timeout-millis", defaultValue = "1500") long timeoutMillis,
                            @ConfigProperty(name = "homebiyori.probes.cache-millis", defaultValue = "5000") long cacheMillis) {
        this.dynamo = dynamo;
        this.tables = tables;
        this.sqs = sqs;
        this.parameters = parameters;
        this.queueUrl = queueUrl.filter(u -> !u.isBlank());
        this.enabled = enabled;
        this.timeout = Duration.ofMillis(timeoutMillis);
        this.cacheFor = Duration.ofMillis(cacheMillis);
    }

    HealthCheck dynamoDb() {
        return check("dynamodb", t -> {
            String table = tables.get().of(Table.SYSTEM);
            dynamo.get().getItem(b -> b.tableName(table).key(PROBE_KEY).overrideConfiguration(o -> o.apiCallTimeout(t)));
            return Map.of("table", table);
        });
    }

    HealthCheck sqs() {
        return check("sqs", t -> {
            if (queueUrl.isEmpty()) {
                return Map.of("queue", "not configured");
            }
            sqs.get().getQueueAttributes(b -> b.queueUrl(queueUrl.get()).attributeNames(QueueAttributeName.QUEUE_ARN)
                    .overrideConfiguration(o -> o.apiCallTimeout(t)));
            return Map.of("queue", queueName(queueUrl.get()));
        });
    }

    HealthCheck parameterStore() {
        return check("parameter-store", t -> {
            ParameterStore store = parameters.get();
            store.probe(PROBE_PARAMETER, t);
            return Map.of("source", store.source());
        });
    }

    /** One check per name, however often it is asked for. */
    private HealthCheck check(String name, DependencyCheck.Probe probe) {
        return made.computeIfAbsent(name, n -> enabled
                ? new DependencyCheck(n, probe, timeout, cacheFor, clock, this::refreshStale)
                : () -> HealthCheckResponse.named(n).up().withData("checked", "no (homebiyori.probes.readiness.enabled=false)").build());
    }

    private void refreshStale() {
        for (HealthCheck check : made.values()) {
            if (check instanceof DependencyCheck dependency) {
                dependency.refreshIfStale();
            }
        }
    }

    /** The queue's name, the last element of its URL (the account id and host stay out of the answer). */
    static String queueName(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
