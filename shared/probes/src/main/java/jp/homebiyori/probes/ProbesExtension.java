package jp.homebiyori.probes;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jp.homebiyori.common.health.Heartbeat;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Registers the checks a service needs, from what its beans use:
 * <ul>
 *   <li>readiness {@code dynamodb} if a bean outside the common layer injects a {@link DynamoDbClient} (the
 *       domain's repositories, webhook's processed events), {@code sqs} if one injects an {@link SqsClient}
 *       (webhook, ttl-updater, admin), and {@code parameter-store} always: every service's maintenance filter
 *       reads it on every request. The common layer's own beans (present in every service, health-check's
 *       too, whose only operation never reaches DynamoDB) do not count;</li>
 *   <li>liveness of every bean that is a {@link Heartbeat} (ttl-updater's queue poller).</li>
 * </ul>
 * Pods only: this module is not on a Lambda class path.
 */
public class ProbesExtension implements Extension {

    private static final List<String> NOT_COUNTED = List.of("jp.homebiyori.common.", "jp.homebiyori.probes.");

    private final Set<String> used = Collections.synchronizedSet(new LinkedHashSet<>());
    private final Set<Class<?>> heartbeats = Collections.synchronizedSet(new LinkedHashSet<>());

    <T, X> void injectionPoint(@Observes ProcessInjectionPoint<T, X> event) {
        InjectionPoint ip = event.getInjectionPoint();
        String owner = ip.getMember().getDeclaringClass().getName();
        if (NOT_COUNTED.stream().anyMatch(owner::startsWith)) {
            return;
        }
        Type type = ip.getType();
        if (type instanceof ParameterizedType p && (p.getRawType() == Instance.class || p.getRawType() == jakarta.inject.Provider.class)) {
            type = p.getActualTypeArguments()[0];
        }
        if (type == DynamoDbClient.class) {
            used.add("dynamodb");
        } else if (type == SqsClient.class) {
            used.add("sqs");
        }
    }

    <X> void managedBean(@Observes ProcessManagedBean<X> event) {
        Class<?> c = event.getBean().getBeanClass();
        if (Heartbeat.class.isAssignableFrom(c)) {
            heartbeats.add(c);
        }
    }

    /** The dependencies this deployment's beans use (for tests and the start-up log). */
    Set<String> used() {
        return Set.copyOf(used);
    }

    void addChecks(@Observes AfterBeanDiscovery abd) {
        List<String> registered = new ArrayList<>();
        if (used.contains("dynamodb")) {
            readiness(abd, "dynamodb", DependencyChecks::dynamoDb);
            registered.add("dynamodb");
        }
        if (used.contains("sqs")) {
            readiness(abd, "sqs", DependencyChecks::sqs);
            registered.add("sqs");
        }
        readiness(abd, "parameter-store", DependencyChecks::parameterStore);
        registered.add("parameter-store");
        for (Class<?> beanClass : heartbeats) {
            abd.addBean()
                    .beanClass(beanClass)
                    .id(ProbesExtension.class.getName() + ".liveness." + beanClass.getName())
                    .types(HealthCheck.class, Object.class)
                    .qualifiers(Liveness.Literal.INSTANCE, Any.Literal.INSTANCE)
                    .scope(Dependent.class)
                    .produceWith(beans -> new HeartbeatCheck((Heartbeat) beans.select(beanClass).get(), Clock.systemUTC()));
            registered.add("liveness of " + beanClass.getSimpleName());
        }
        java.util.logging.Logger.getLogger(ProbesExtension.class.getName()).fine("pod health checks: " + registered);
    }

    private static void readiness(AfterBeanDiscovery abd, String name, Function<DependencyChecks, HealthCheck> make) {
        abd.addBean()
                .beanClass(DependencyChecks.class)
                .id(ProbesExtension.class.getName() + ".readiness." + name)
                .types(HealthCheck.class, Object.class)
                .qualifiers(new Annotation[]{Readiness.Literal.INSTANCE, Any.Literal.INSTANCE})
                .scope(Dependent.class)
                .produceWith(beans -> make.apply(beans.select(DependencyChecks.class).get()));
    }
}
