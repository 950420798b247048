package jp.homebiyori.contract.support;

import jp.homebiyori.testkit.contract.Spec;

import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One operation of a contract, as parsed from the spec file (references resolved).
 *
 * @param schemes     the security schemes that admit a caller; empty for a public operation ({@code security: []})
 * @param requestBody the JSON request body's schema, or null when the operation takes no body
 */
public record SpecOperation(Spec api, String id, String method, String path, List<SecurityScheme> schemes,
                            List<Parameter> parameters, Schema<?> requestBody, Map<String, ApiResponse> responses,
                            int successStatus) {

    /** A security scheme of the spec: its name, type ({@code http} or {@code apiKey}) and, for an API key, its header. */
    public record SecurityScheme(String name, String type, String headerName) {
        public boolean isBearer() {
            return "http".equals(type);
        }
    }

    public boolean isPublic() {
        return schemes.isEmpty();
    }

    public boolean documents(int status) {
        return responses.containsKey(Integer.toString(status));
    }

    public List<Parameter> parameters(String in) {
        return parameters.stream().filter(p -> in.equals(p.getIn())).toList();
    }

    public Optional<Parameter> header(String name) {
        return parameters("header").stream().filter(p -> p.getName().equalsIgnoreCase(name)).findFirst();
    }

    public boolean hasBody() {
        return requestBody != null;
    }

    /** Whether the request body is an object (the webhook's is a raw string). */
    public boolean hasObjectBody() {
        return requestBody != null && "object".equals(Schemas.type(requestBody));
    }

    @Override
    public String toString() {
        return api + " " + id + " (" + method + " " + path + ")";
    }
}
