package jp.homebiyori.common.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.AfterTypeDiscovery;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Finds the resource classes on the classpath (CDI beans implementing a generated interface) and
 * sorts them by API. It adds one {@code Application} per socket that has resources, so a deployable
 * serves exactly the APIs of the services it contains: a pod of admin-service only the admin API, the
 * local process all three (admin and internal on their own ports through routing names).
 */
public class ApiResourcesExtension implements Extension {

    private final Map<ApiKind, Set<Class<?>>> resources = new EnumMap<>(ApiKind.class);

    void collect(@WithAnnotations({ApplicationScoped.class, RequestScoped.class})
                 @jakarta.enterprise.event.Observes ProcessAnnotatedType<?> event) {
        Class<?> type = event.getAnnotatedType().getJavaClass();
        if (type.isInterface() || java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
            return;
        }
        ApiKind.ofResource(type).ifPresent(kind ->
                resources.computeIfAbsent(kind, k -> new LinkedHashSet<>()).add(type));
    }

    void addApplications(@jakarta.enterprise.event.Observes AfterTypeDiscovery event, BeanManager beans) {
        java.util.Set<ApiApplications.Socket> sockets = java.util.EnumSet.noneOf(ApiApplications.Socket.class);
        for (ApiKind kind : resources.keySet()) {
            sockets.add(ApiApplications.socketOf(kind));
        }
        for (ApiApplications.Socket socket : sockets) {
            event.addAnnotatedType(beans.createAnnotatedType(socket.application()), "homebiyori-" + socket.name());
        }
    }

    /**
     * In a pod (Helidon's web server on the classpath), before the server starts: {@link PodConnections} on every
     * socket. Referenced by name only, so that a class path without the server (Weld in the Lambda tests) never loads it.
     */
    void beforeTheServerStarts(@jakarta.enterprise.event.Observes
                               @jakarta.annotation.Priority(jakarta.interceptor.Interceptor.Priority.PLATFORM_BEFORE)
                               @jakarta.enterprise.context.Initialized(ApplicationScoped.class) Object ignored,
                               BeanManager beans) {
        if (PodConnections.SERVER_PRESENT) {
            PodConnections.install(beans);
        }
    }

    /** The resource classes of one API found on the classpath. */
    public Set<Class<?>> resources(ApiKind kind) {
        return Set.copyOf(resources.getOrDefault(kind, Set.of()));
    }

    /** The APIs that have at least one resource here. */
    public Set<ApiKind> apis() {
        return Set.copyOf(resources.keySet());
    }
}
