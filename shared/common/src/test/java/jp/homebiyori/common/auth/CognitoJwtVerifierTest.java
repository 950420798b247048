package jp.homebiyori.common.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import jp.homebiyori.common.error.ApiException;
import jp.homebiyori.localdev.DevIssuerServer;
import jp.homebiyori.localdev.DevTokenIssuer;
import jp.homebiyori.localdev.DevTokenIssuer.Pool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JWT matrix against a real JWKS endpoint served over HTTP by the development issuer. */
class CognitoJwtVerifierTest {

    private static DevIssuerServer server;
    private static DevTokenIssuer issuer;
    private static CognitoJwtVerifier userPool;
    private static CognitoJwtVerifier adminPool;

    @BeforeAll
    static void start() {
        server = DevIssuerServer.start(DevTokenIssuer.generate("http://127.0.0.1"), 0);
        issuer = server.issuer();
        userPool = new CognitoJwtVerifier(settings(Pool.USER, "userPool", Caller.Kind.USER));
        adminPool = new CognitoJwtVerifier(settings(Pool.ADMIN, "adminPool", Caller.Kind.ADMIN));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static PoolSettings settings(Pool pool, String scheme, Caller.Kind kind) {
        return new PoolSettings(scheme, URI.create(issuer.jwksUrl(pool)), issuer.issuer(pool), pool.clientId(), kind);
    }

    @Test
    void validUserToken_givesTheSubAsUserId() {
        java.time.Instant before = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Caller caller = userPool.verify(issuer.mint(Pool.USER, "u1", Duration.ofMinutes(5)));
        assertThat(caller.id()).isEqualTo("u1");
        assertThat(caller.kind()).isEqualTo(Caller.Kind.USER);
        assertThat(caller.issuedAt()).as("iat, for voiding the tokens of a deleted account").isBetween(before, java.time.Instant.now());
    }

    @Test
    void validAdminToken_givesAnAdminCaller() {
        Caller caller = adminPool.verify(issuer.mint(Pool.ADMIN, "a1", Duration.ofMinutes(5)));
        assertThat(caller.id()).isEqualTo("a1");
        assertThat(caller.kind()).isEqualTo(Caller.Kind.ADMIN);
    }

    @Test
    void idToken_withClientInAudience_isAccepted() {
        String token = issuer.mint(Pool.USER, "u2", Instant.now(), Duration.ofMinutes(5),
                Map.of("token_use", "id", "aud", List.of(Pool.USER.clientId())));
        assertThat(userPool.verify(token).id()).isEqualTo("u2");
    }

    @Test
    void expiredToken_isRefused() {
        String token = issuer.mint(Pool.USER, "u1", Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1), Map.of());
        assertUnauthorized(userPool, token);
    }

    @Test
    void adminToken_onUserPool_isRefused_andUserTokenOnAdminPool_isRefused() {
        assertUnauthorized(userPool, issuer.mint(Pool.ADMIN, "a1", Duration.ofMinutes(5)));
        assertUnauthorized(adminPool, issuer.mint(Pool.USER, "u1", Duration.ofMinutes(5)));
    }

    @Test
    void tamperedPayload_isRefused() {
        String[] parts = issuer.mint(Pool.USER, "u1", Duration.ofMinutes(5)).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("\"u1\"", "\"u2\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertUnauthorized(userPool, forged);
    }

    @Test
    void algNone_isRefused() {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("u1").issuer(issuer.issuer(Pool.USER))
                .expirationTime(Date.from(Instant.now().plusSeconds(300))).issueTime(new Date())
                .claim("token_use", "access").claim("client_id", Pool.USER.clientId()).build();
        assertUnauthorized(userPool, new PlainJWT(claims).serialize());
    }

    @Test
    void hmacSignedToken_isRefused() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("u1").issuer(issuer.issuer(Pool.USER))
                .expirationTime(Date.from(Instant.now().plusSeconds(300))).issueTime(new Date())
                .claim("token_use", "access").claim("client_id", Pool.USER.clientId()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner("a-shared-secret-that-is-long-enough-for-hs256!"));
        assertUnauthorized(userPool, jwt.serialize());
    }

    @Test
    void wrongClient_wrongIssuer_missingTokenUse_areRefused() {
        assertUnauthorized(userPool, issuer.mint(Pool.USER, "u1", Instant.now(), Duration.ofMinutes(5), Map.of("client_id", "other-app")));
        assertUnauthorized(userPool, issuer.mint(Pool.USER, "u1", Instant.now(), Duration.ofMinutes(5), Map.of("iss", "https://evil.example/pool")));
        assertUnauthorized(userPool, issuer.mint(Pool.USER, "u1", Instant.now(), Duration.ofMinutes(5), Map.of("token_use", "refresh")));
    }

    @Test
    void garbage_isRefused() {
        assertUnauthorized(userPool, "not-a-jwt");
        assertUnauthorized(userPool, "");
        assertUnauthorized(userPool, "a.b.c");
    }

    private static void assertUnauthorized(CognitoJwtVerifier verifier, String token) {
        assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(401))
                .satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo("UNAUTHORIZED"));
    }
}
