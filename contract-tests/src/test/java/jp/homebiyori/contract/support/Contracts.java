package jp.homebiyori.contract.support;

import jp.homebiyori.testkit.contract.Spec;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three contracts, read from {@code openapi/} at test time with swagger-parser: every operation
 * of every spec (nothing here is a hand-kept list); the response check itself is shared/testkit's SpecConformance.
 */
public final class Contracts {

    private static Contracts loaded;

    private final Map<Spec, OpenAPI> specs = new EnumMap<>(Spec.class);
    private final List<SpecOperation> operations = new ArrayList<>();

    private Contracts() {
        for (Spec api : Spec.values()) {
            Path file = specFile(api);
            ParseOptions options = new ParseOptions();
            options.setResolve(true);
            options.setResolveFully(true);
            SwaggerParseResult result = new OpenAPIV3Parser().readLocation(file.toUri().toString(), null, options);
            if (result.getOpenAPI() == null || (result.getMessages() != null && !result.getMessages().isEmpty())) {
                throw new IllegalStateException("cannot parse " + file + ": " + result.getMessages());
            }
            specs.put(api, result.getOpenAPI());
            collect(api, result.getOpenAPI());
        }
    }

    public static synchronized Contracts load() {
        if (loaded == null) {
            loaded = new Contracts();
        }
        return loaded;
    }

    public static Path specFile(Spec api) {
        return api.file();
    }

    public List<SpecOperation> operations() {
        return List.copyOf(operations);
    }

    public List<SpecOperation> operations(Spec api) {
        return operations.stream().filter(o -> o.api() == api).toList();
    }

    public SpecOperation operation(String id) {
        return operations.stream().filter(o -> o.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no operation " + id + " in the specs"));
    }

    public OpenAPI spec(Spec api) {
        return specs.get(api);
    }

    private void collect(Spec api, OpenAPI spec) {
        for (Map.Entry<String, PathItem> path : spec.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().readOperationsMap().entrySet()) {
                Operation op = entry.getValue();
                List<Parameter> parameters = new ArrayList<>();
                if (path.getValue().getParameters() != null) {
                    parameters.addAll(path.getValue().getParameters());
                }
                if (op.getParameters() != null) {
                    parameters.addAll(op.getParameters());
                }
                Object success = op.getExtensions() == null ? null : op.getExtensions().get("x-success-status");
                int successStatus = success == null ? 200 : Integer.parseInt(success.toString());
                operations.add(new SpecOperation(api, op.getOperationId(), entry.getKey().name(), path.getKey(),
                        schemes(spec, op), List.copyOf(parameters), body(op), new LinkedHashMap<>(op.getResponses()), successStatus));
            }
        }
    }

    private static List<SpecOperation.SecurityScheme> schemes(OpenAPI spec, Operation op) {
        List<SecurityRequirement> security = op.getSecurity() != null ? op.getSecurity() : spec.getSecurity();
        List<SpecOperation.SecurityScheme> schemes = new ArrayList<>();
        if (security == null) {
            return schemes;
        }
        for (SecurityRequirement requirement : security) {
            for (String name : requirement.keySet()) {
                var scheme = spec.getComponents().getSecuritySchemes().get(name);
                schemes.add(new SpecOperation.SecurityScheme(name, scheme.getType().toString(), scheme.getName()));
            }
        }
        return schemes;
    }

    private static io.swagger.v3.oas.models.media.Schema<?> body(Operation op) {
        if (op.getRequestBody() == null || op.getRequestBody().getContent() == null) {
            return null;
        }
        MediaType json = op.getRequestBody().getContent().get("application/json");
        if (json == null) {
            throw new IllegalStateException(op.getOperationId() + ": request body is not application/json");
        }
        return json.getSchema();
    }
}
