package jp.homebiyori.common.web;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import jp.homebiyori.common.auth.AuthenticationFilter;
import jp.homebiyori.common.auth.DeletedAccountFilter;
import jp.homebiyori.common.error.ApiExceptionMapper;
import jp.homebiyori.common.error.ConstraintViolationMapper;
import jp.homebiyori.common.error.JsonExceptionMappers;
import jp.homebiyori.common.error.ParamExceptionMapper;
import jp.homebiyori.common.error.UnexpectedExceptionMapper;
import jp.homebiyori.common.error.WebApplicationExceptionMapper;
import jp.homebiyori.common.json.ObjectMapperProvider;
import jp.homebiyori.common.maintenance.MaintenanceFilter;
import org.glassfish.jersey.jackson.JacksonFeature;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The JAX-RS applications of a process, one per socket: the APIs whose resources are on the classpath,
 * grouped by the socket each is served on, plus the common providers (errors, JSON, logging,
 * authentication, deleted accounts, maintenance). A pod serves everything on its default port (notification-service:
 * user and internal API together); the local process puts the admin and internal APIs on their own
 * ports. The Lambda adapter builds its ResourceConfig from the resources among its beans and
 * {@link #COMMON_PROVIDERS}.
 */
public final class ApiApplications {

    /** Providers every API uses. */
    public static final Set<Class<?>> COMMON_PROVIDERS = Set.of(
            ObjectMapperProvider.class,
            ApiExceptionMapper.class,
            WebApplicationExceptionMapper.class,
            ParamExceptionMapper.class,
            ConstraintViolationMapper.class,
            jp.homebiyori.common.error.ValidationExceptionMapper.class,
            JsonExceptionMappers.Parse.class,
            JsonExceptionMappers.Mapping.class,
            JsonExceptionMappers.Processing.class,
            UnexpectedExceptionMapper.class,
            RequestLogFilter.class,
            RequestBodyLimit.class,
            MediaTypeHeadersFilter.class,
            OperationFilter.class,
            AuthenticationFilter.class,
            DeletedAccountFilter.class,
            SuccessStatusFilter.class,
            StrictBooleanParams.class,
            RateLimitFilter.class,
            CorsFilter.class,
            MaintenanceFilter.class);

    private ApiApplications() {
    }

    /** Which socket an API is served on: {@code homebiyori.api.<admin|internal>.socket}; the user API always on the default one. */
    static Socket socketOf(ApiKind kind) {
        if (kind == ApiKind.USER) {
            return Socket.DEFAULT;
        }
        String name = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("homebiyori.api." + kind.name().toLowerCase() + ".socket", String.class).orElse("@default");
        return switch (name) {
            case "admin" -> Socket.ADMIN;
            case "internal" -> Socket.INTERNAL;
            default -> Socket.DEFAULT;
        };
    }

    /** The sockets of a process and the application class that serves each. */
    enum Socket {
        DEFAULT(DefaultSocketApi.class), ADMIN(AdminSocketApi.class), INTERNAL(InternalSocketApi.class);

        private final Class<? extends Application> application;

        Socket(Class<? extends Application> application) {
            this.application = application;
        }

        Class<? extends Application> application() {
            return application;
        }
    }

    /** Resources of the APIs on {@code socket} plus the common providers. */
    public static Set<Class<?>> classes(Set<Class<?>> resources) {
        Set<Class<?>> classes = new HashSet<>(resources);
        classes.addAll(COMMON_PROVIDERS);
        return classes;
    }

    /**
     * Whether Bean Validation is on: unless a deployment serves only operations without parameters or bodies to
     * check ({@code homebiyori.bean-validation.enabled=false}: health-check's Lambda, where Hibernate Validator
     * would be ~500 classes of a 128 MB function's start-up).
     */
    public static boolean beanValidationEnabled() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("homebiyori.bean-validation.enabled", Boolean.class).orElse(true);
    }

    /** Jersey properties every application sets. */
    public static Map<String, Object> properties() {
        return Map.of(
                "jersey.config.beanValidation.disable.server", !beanValidationEnabled(),
                "jersey.config.server.wadl.disableWadl", true,
                "jersey.config.server.response.setStatusOverSendError", true);
    }

    private abstract static class Base extends Application {
        private final Socket socket;

        Base(Socket socket) {
            this.socket = socket;
        }

        @Override
        public Set<Class<?>> getClasses() {
            ApiResourcesExtension extension = CDI.current().select(ApiResourcesExtension.class).get();
            Set<Class<?>> resources = new HashSet<>();
            for (ApiKind kind : ApiKind.values()) {
                if (socketOf(kind) == socket) {
                    resources.addAll(extension.resources(kind));
                }
            }
            return classes(resources);
        }

        @Override
        public Set<Object> getSingletons() {
            return Set.of(JacksonFeature.withoutExceptionMappers());
        }

        @Override
        public Map<String, Object> getProperties() {
            return properties();
        }
    }

    /** The APIs on the default socket: the user API, and in a pod the service's admin or internal API. */
    @ApplicationPath("/")
    public static class DefaultSocketApi extends Base {
        public DefaultSocketApi() {
            super(Socket.DEFAULT);
        }
    }

    /** The admin API on its own socket ({@code homebiyori.api.admin.socket=admin} + routing name {@code admin}). */
    @ApplicationPath("/")
    public static class AdminSocketApi extends Base {
        public AdminSocketApi() {
            super(Socket.ADMIN);
        }
    }

    /** The internal API on its own socket ({@code homebiyori.api.internal.socket=internal} + routing name {@code internal}). */
    @ApplicationPath("/")
    public static class InternalSocketApi extends Base {
        public InternalSocketApi() {
            super(Socket.INTERNAL);
        }
    }
}
