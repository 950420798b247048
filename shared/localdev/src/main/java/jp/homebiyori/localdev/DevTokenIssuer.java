package jp.homebiyori.localdev;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A development stand-in for the two Cognito user pools: one RSA key per pool, JWKS documents at
 * Cognito's path ({@code /{poolId}/.well-known/jwks.json}) and Cognito-shaped access tokens. It exists
 * only for tests and the local stack; production verifies tokens of the real pools.
 */
public final class DevTokenIssuer {

    /** The two pools, with the ids and app client ids the local configuration uses. */
    public enum Pool {
        USER("ap-northeast-1_HomebiyoriUsersLocal", "homebiyori-user-web-local"),
        ADMIN("ap-northeast-1_HomebiyoriAdminsLocal", "homebiyori-admin-web-local");

        private final String poolId;
        private final String clientId;

        Pool(String poolId, String clientId) {
            this.poolId = poolId;
            this.clientId = clientId;
        }

        public String poolId() {
            return poolId;
        }

        public String clientId() {
            return clientId;
        }
    }

    private final Map<Pool, RSAKey> keys;
    private volatile String baseUrl;
    private final Set<String> forgotten = ConcurrentHashMap.newKeySet();

    private DevTokenIssuer(Map<Pool, RSAKey> keys, String baseUrl) {
        this.keys = keys;
        this.baseUrl = baseUrl;
    }

    /** New keys, nothing stored. */
    public static DevTokenIssuer generate(String baseUrl) {
        Map<Pool, RSAKey> keys = new EnumMap<>(Pool.class);
        for (Pool pool : Pool.values()) {
            keys.put(pool, newKey(pool));
        }
        return new DevTokenIssuer(keys, baseUrl);
    }

    /** Keys from {@code file}, created there on first use, so tokens survive a restart of the stack. */
    public static DevTokenIssuer loadOrCreate(Path file, String baseUrl) {
        try {
            if (Files.isRegularFile(file)) {
                JWKSet set = JWKSet.parse(Files.readString(file));
                Map<Pool, RSAKey> keys = new EnumMap<>(Pool.class);
                for (Pool pool : Pool.values()) {
                    keys.put(pool, set.getKeyByKeyId(keyId(pool)).toRSAKey());
                }
                return new DevTokenIssuer(keys, baseUrl);
            }
            DevTokenIssuer issuer = generate(baseUrl);
            Files.createDirectories(file.toAbsolutePath().getParent());
            JWKSet set = new JWKSet(List.copyOf(issuer.keys.values()));
            Files.writeString(file, set.toString(false), StandardCharsets.UTF_8);
            return issuer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException | NullPointerException e) {
            throw new IllegalStateException("unreadable dev issuer key file " + file + ": delete it to start afresh", e);
        }
    }

    public void baseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String issuer(Pool pool) {
        return baseUrl + "/" + pool.poolId();
    }

    public String jwksUrl(Pool pool) {
        return issuer(pool) + "/.well-known/jwks.json";
    }

    /** The public JWKS document of a pool. */
    public String jwks(Pool pool) {
        return new JWKSet(keys.get(pool).toPublicJWK()).toString(true);
    }

    /** A Cognito-shaped access token for {@code sub}. */
    public String mint(Pool pool, String sub, Duration expiresIn) {
        return mint(pool, sub, Instant.now(), expiresIn, Map.of());
    }

    /** A token with extra or overriding claims (tests use this for the negative cases). */
    public String mint(Pool pool, String sub, Instant issuedAt, Duration expiresIn, Map<String, Object> overrides) {
        if (forgotten.contains(sub)) {
            throw new IllegalArgumentException("user " + sub + " was deleted from the development pool");
        }
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(sub)
                .issuer(issuer(pool))
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(expiresIn)))
                .jwtID(UUID.randomUUID().toString())
                .claim("client_id", pool.clientId())
                .claim("token_use", "access")
                .claim("scope", "aws.cognito.signin.user.admin")
                .claim("auth_time", issuedAt.getEpochSecond())
                .claim("username", sub);
        if (pool == Pool.ADMIN) {
            claims.claim("cognito:groups", List.of("admins"));
        }
        overrides.forEach(claims::claim);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .keyID(keyId(pool)).type(JOSEObjectType.JWT).build(), claims.build());
            jwt.sign(new RSASSASigner(keys.get(pool)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What deleting a Cognito user does here: no new tokens for that user. */
    public void forget(String sub) {
        forgotten.add(sub);
    }

    public boolean isForgotten(String sub) {
        return forgotten.contains(sub);
    }

    private static RSAKey newKey(Pool pool) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId(pool)).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String keyId(Pool pool) {
        return "homebiyori-local-" + pool.name().toLowerCase();
    }
}
