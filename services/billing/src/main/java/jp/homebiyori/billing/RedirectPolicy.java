package jp.homebiyori.billing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.homebiyori.common.error.ApiException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * Where Stripe may send a user back to: only the app's own origins ({@code homebiyori.billing.allowed-origins},
 * scheme + host + port exactly), so a checkout link can never become an open redirect.
 */
@ApplicationScoped
public class RedirectPolicy {

    public static final String CODE = "REDIRECT_URL_NOT_ALLOWED";

    private final List<String> allowedOrigins;

    @Inject
    public RedirectPolicy(@ConfigProperty(name = "homebiyori.billing.allowed-origins",
            defaultValue = "http://localhost:3000,http://127.0.0.1:3000") List<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins.stream().map(o -> o.strip().toLowerCase(Locale.ROOT)).toList();
    }

    /** The URL itself if its origin is allowed, else 400 naming the field. */
    public String check(String field, String url) {
        if (url == null || !allowedOrigins.contains(origin(url))) {
            throw new ApiException(400, CODE, field + " must be a page of the Homebiyori app",
                    java.util.Map.of("field", field, "rule", "allowed_origin"));
        }
        return url;
    }

    /** The first allowed origin: where the portal returns to when the caller names no page. */
    public String defaultOrigin() {
        return allowedOrigins.get(0);
    }

    static String origin(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getHost() == null || uri.getRawUserInfo() != null) {
                return "";
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (URISyntaxException e) {
            return "";
        }
    }
}
