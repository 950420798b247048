package jp.homebiyori.common.auth;

import org.eclipse.microprofile.config.Config;

import java.net.URI;

/**
 * The pools from config: {@code homebiyori.auth.user-pool.*} and {@code homebiyori.auth.admin-pool.*}
 * with {@code jwks-url}, {@code issuer} and {@code client-id}.
 */
final class AuthSettings {

    private AuthSettings() {
    }

    static PoolSettings pool(Config config, String key, String scheme, Caller.Kind kind) {
        String prefix = "homebiyori.auth." + key + ".";
        return new PoolSettings(scheme,
                URI.create(config.getValue(prefix + "jwks-url", String.class)),
                config.getValue(prefix + "issuer", String.class),
                config.getValue(prefix + "client-id", String.class),
                kind);
    }
}
