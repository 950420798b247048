package jp.homebiyori.common.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jp.homebiyori.common.config.ParameterStore;
import jp.homebiyori.common.config.Parameters;
import jp.homebiyori.common.error.ApiException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;

/**
 * Scheme {@code internalApiKey}: {@code X-API-Key} equal (in constant time) to the
 * {@code internal/api_key} parameter → else 401; {@code X-Source-Lambda} on the allow-list
 * ({@code homebiyori.internal.allowed-sources}, default ttl-updater and webhook-service) → else 403.
 */
@ApplicationScoped
public class InternalApiKeyAuthenticator implements Authenticator {

    public static final String KEY_HEADER = "X-API-Key";
    public static final String SOURCE_HEADER = "X-Source-Lambda";

    private final ParameterStore parameters;
    private final Set<String> allowedSources;

    @Inject
    public InternalApiKeyAuthenticator(ParameterStore parameters,
                                       @ConfigProperty(name = "homebiyori.internal.allowed-sources",
                                               defaultValue = "ttl-updater,webhook-service") List<String> allowedSources) {
        this.parameters = parameters;
        this.allowedSources = Set.copyOf(allowedSources);
    }

    @Override
    public String scheme() {
        return "internalApiKey";
    }

    @Override
    public Caller authenticate(ContainerRequestContext request) {
        String given = request.getHeaderString(KEY_HEADER);
        String expected = parameters.get(Parameters.INTERNAL_API_KEY).orElse(null);
        if (given == null || expected == null || expected.isEmpty()
                || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
            throw ApiException.unauthorized("a valid internal API key is required");
        }
        String source = request.getHeaderString(SOURCE_HEADER);
        if (source == null || !allowedSources.contains(source)) {
            throw ApiException.forbidden("the calling service is not allowed to use this API");
        }
        return new Caller(source, Caller.Kind.SERVICE);
    }
}
