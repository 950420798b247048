package jp.homebiyori.common.web;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import jp.homebiyori.common.auth.AuthenticationFilter;
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
 * The three JAX-RS applications — user, admin and internal API — each with its resources and the
 * common providers (errors, JSON, logging, authentication, maintenance). Pods and the local process
 * get them through {@link ApiResourcesExtension}; the Lambda adapter builds its ResourceConfig from them.
 * In the local process the admin and internal applications are bound to their own ports by config
 * ({@code <class>.routing-name.name=admin|internal}).
 */
public final class ApiApplications {

    /** Providers every API uses. */
    public static final Set<Class<?>> COMMON_PROVIDERS = Set.of(
            ObjectMapperProvider.class,
            ApiExceptionMapper.class,
            WebApplicationExceptionMapper.class,
            ParamExceptionMapper.class,
            ConstraintViolationMapper.class,
            JsonExceptionMappers.Parse.class,
            JsonExceptionMappers.Mapping.class,
            JsonExceptionMappers.Processing.class,
            UnexpectedExceptionMapper.class,
            RequestLogFilter.class,
            OperationFilter.class,
            AuthenticationFilter.class,
            SuccessStatusFilter.class);

    private ApiApplications() {
    }

    static Class<? extends Application> applicationClass(ApiKind kind) {
        return switch (kind) {
            case USER -> UserApi.class;
            case ADMIN -> AdminApi.class;
            case INTERNAL -> InternalApi.class;
        };
    }

    /** Resources of {@code kind} plus the common providers (and maintenance for the user API). */
    public static Set<Class<?>> classes(ApiKind kind, Set<Class<?>> resources) {
        Set<Class<?>> classes = new HashSet<>(resources);
        classes.addAll(COMMON_PROVIDERS);
        if (kind == ApiKind.USER) {
            classes.add(MaintenanceFilter.class);
        }
        return classes;
    }

    /** Jersey properties every application sets. */
    public static Map<String, Object> properties() {
        return Map.of(
                "jersey.config.beanValidation.disable.server", false,
                "jersey.config.server.wadl.disableWadl", true,
                "jersey.config.server.response.setStatusOverSendError", true);
    }

    private abstract static class Base extends Application {
        private final ApiKind kind;

        Base(ApiKind kind) {
            this.kind = kind;
        }

        @Override
        public Set<Class<?>> getClasses() {
            ApiResourcesExtension extension = CDI.current().select(ApiResourcesExtension.class).get();
            return classes(kind, extension.resources(kind));
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

    /** The user API (Cognito user pool), on the default port. */
    @ApplicationPath("/")
    public static class UserApi extends Base {
        public UserApi() {
            super(ApiKind.USER);
        }
    }

    /** The admin API (admin pool), routing name {@code admin} in the local process. */
    @ApplicationPath("/")
    public static class AdminApi extends Base {
        public AdminApi() {
            super(ApiKind.ADMIN);
        }
    }

    /** The internal API (API key + source allow-list), routing name {@code internal} in the local process. */
    @ApplicationPath("/")
    public static class InternalApi extends Base {
        public InternalApi() {
            super(ApiKind.INTERNAL);
        }
    }
}
