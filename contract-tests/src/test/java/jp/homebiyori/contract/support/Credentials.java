package jp.homebiyori.contract.support;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import jp.homebiyori.localdev.DevTokenIssuer;
import jp.homebiyori.testkit.TestStack;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Credentials for an operation's security scheme: the valid ones, and the forged, expired and foreign ones. */
public final class Credentials {

    /** Scheme name (CONVENTIONS.md) → the Cognito pool whose tokens it admits. */
    private static final Map<String, DevTokenIssuer.Pool> POOLS = Map.of(
            "userPool", DevTokenIssuer.Pool.USER,
            "adminPool", DevTokenIssuer.Pool.ADMIN);

    private Credentials() {
    }

    public static DevTokenIssuer.Pool pool(SpecOperation.SecurityScheme scheme) {
        DevTokenIssuer.Pool pool = POOLS.get(scheme.name());
        if (pool == null) {
            throw new IllegalStateException("no token pool known for bearer scheme " + scheme.name());
        }
        return pool;
    }

    public static DevTokenIssuer.Pool otherPool(DevTokenIssuer.Pool pool) {
        return pool == DevTokenIssuer.Pool.USER ? DevTokenIssuer.Pool.ADMIN : DevTokenIssuer.Pool.USER;
    }

    /** The source a valid internal caller names: the first value the spec allows in its {@code X-Source-Lambda} header. */
    public static String allowedSource(SpecOperation op) {
        return op.header("X-Source-Lambda").map(p -> p.getSchema().getEnum().get(0).toString())
                .orElseThrow(() -> new IllegalStateException(op + " documents no X-Source-Lambda header"));
    }

    /** Headers that satisfy the operation's (first) scheme for user {@code sub}; none for a public operation. */
    public static Map<String, String> valid(SpecOperation op, String sub) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (op.isPublic()) {
            return headers;
        }
        SpecOperation.SecurityScheme scheme = op.schemes().get(0);
        if (scheme.isBearer()) {
            headers.put("Authorization", "Bearer " + token(pool(scheme), sub));
        } else {
            headers.put(scheme.headerName(), TestStack.INTERNAL_API_KEY);
            headers.put("X-Source-Lambda", allowedSource(op));
        }
        return headers;
    }

    public static String token(DevTokenIssuer.Pool pool, String sub) {
        return TestStack.issuer().mint(pool, sub, Duration.ofHours(1));
    }

    public static String expired(DevTokenIssuer.Pool pool, String sub) {
        return TestStack.issuer().mint(pool, sub, Instant.now().minus(Duration.ofHours(3)), Duration.ofHours(1), Map.of());
    }

    public static String withClaims(DevTokenIssuer.Pool pool, String sub, Map<String, Object> overrides) {
        return TestStack.issuer().mint(pool, sub, Instant.now(), Duration.ofHours(1), overrides);
    }

    /** A valid token whose signature has one bit flipped. */
    public static String tamperedSignature(DevTokenIssuer.Pool pool, String sub) {
        String[] parts = token(pool, sub).split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[signature.length / 2] ^= 0x01;
        return parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    /** A valid token of {@code sub} whose claims were swapped for another user's, keeping the signature. */
    public static String tamperedClaims(DevTokenIssuer.Pool pool, String sub, String otherSub) {
        String[] parts = token(pool, sub).split("\\.");
        String[] forged = token(pool, otherSub).split("\\.");
        return parts[0] + "." + forged[1] + "." + parts[2];
    }

    /** The claims of a valid token, unsigned ({@code alg: none}). */
    public static String algNone(DevTokenIssuer.Pool pool, String sub) {
        try {
            JWTClaimsSet claims = SignedJWT.parse(token(pool, sub)).getJWTClaimsSet();
            return new PlainJWT(claims).serialize();
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token signed by the right key but with header {@code alg: HS256} (key confusion). */
    public static String hmacHeader(DevTokenIssuer.Pool pool, String sub) {
        String[] parts = token(pool, sub).split("\\.");
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + parts[1] + "." + parts[2];
    }
}
