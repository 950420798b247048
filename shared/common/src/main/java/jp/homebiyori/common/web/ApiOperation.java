package jp.homebiyori.common.web;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ResourceInfo;
import jp.homebiyori.api.OperationId;
import jp.homebiyori.api.SuccessStatus;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A spec operation as the generated interface declares it: its id, the API it belongs to, who may
 * call it ({@code @PermitAll} or the security scheme names as roles), its success status and the
 * service that owns it. Read from the interface method, the one the generator annotated.
 */
public record ApiOperation(String operationId, ApiKind api, String service, boolean permitAll,
                           Set<String> roles, int successStatus) {

    private static final Map<Method, Optional<ApiOperation>> CACHE = new ConcurrentHashMap<>();

    /** The operation behind the matched resource method, if it implements a generated interface. */
    public static Optional<ApiOperation> of(ResourceInfo info) {
        Method method = info.getResourceMethod();
        if (method == null) {
            return Optional.empty();
        }
        Class<?> resourceClass = info.getResourceClass() == null ? method.getDeclaringClass() : info.getResourceClass();
        return CACHE.computeIfAbsent(method, m -> resolve(resourceClass, m));
    }

    static Optional<ApiOperation> resolve(Class<?> resourceClass, Method method) {
        Method definition = definition(resourceClass, method);
        if (definition == null) {
            return Optional.empty();
        }
        Class<?> api = definition.getDeclaringClass();
        RolesAllowed roles = definition.getAnnotation(RolesAllowed.class);
        SuccessStatus status = definition.getAnnotation(SuccessStatus.class);
        return Optional.of(new ApiOperation(
                definition.getAnnotation(OperationId.class).value(),
                ApiKind.of(api),
                ServiceNames.forApi(api),
                definition.isAnnotationPresent(PermitAll.class),
                roles == null ? Set.of() : Set.of(roles.value()),
                status == null ? 200 : status.value()));
    }

    /** The generated interface method that {@code method} implements. */
    static Method definition(Class<?> type, Method method) {
        if (method.isAnnotationPresent(OperationId.class)) {
            return method;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Class<?> candidate : c.getInterfaces()) {
                if (!candidate.isAnnotationPresent(Path.class)) {
                    continue;
                }
                try {
                    Method m = candidate.getMethod(method.getName(), method.getParameterTypes());
                    if (m.isAnnotationPresent(OperationId.class)) {
                        return m;
                    }
                } catch (NoSuchMethodException ignored) {
                    // not this interface
                }
            }
        }
        return null;
    }
}
