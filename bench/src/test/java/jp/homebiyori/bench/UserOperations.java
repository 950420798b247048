package jp.homebiyori.bench;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jp.homebiyori.api.OperationId;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The operations of the user API as the generated interfaces (i.e. the spec) declare them. */
final class UserOperations {

    /** An operation: id, HTTP method and path template. */
    record Operation(String id, String method, String path) {
    }

    private UserOperations() {
    }

    static Map<String, Operation> all() {
        Map<String, Operation> operations = new TreeMap<>();
        for (Class<?> api : List.of(jp.homebiyori.api.user.ChatApi.class, jp.homebiyori.api.user.TreeApi.class,
                jp.homebiyori.api.user.UsersApi.class, jp.homebiyori.api.user.BillingApi.class,
                jp.homebiyori.api.user.WebhookApi.class, jp.homebiyori.api.user.NotificationsApi.class,
                jp.homebiyori.api.user.HealthApi.class)) {
            String base = api.getAnnotation(Path.class).value();
            for (Method m : api.getMethods()) {
                OperationId id = m.getAnnotation(OperationId.class);
                if (id == null) {
                    continue;
                }
                Path sub = m.getAnnotation(Path.class);
                String method = m.isAnnotationPresent(GET.class) ? "GET" : m.isAnnotationPresent(POST.class) ? "POST"
                        : m.isAnnotationPresent(PUT.class) ? "PUT" : m.isAnnotationPresent(DELETE.class) ? "DELETE" : "?";
                operations.put(id.value(), new Operation(id.value(), method, base + (sub == null ? "" : sub.value())));
            }
        }
        return operations;
    }
}
