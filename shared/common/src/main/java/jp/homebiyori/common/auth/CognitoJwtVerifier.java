package jp.homebiyori.common.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jp.homebiyori.common.error.ApiException;

import java.net.MalformedURLException;
import java.text.ParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Verifies a Cognito JWT of one pool: RS256 signature by a key of the pool's JWKS (cached), exact
 * issuer, not expired (60 s clock skew), {@code token_use} access (client id in {@code client_id}) or
 * id (client id in {@code aud}). Unsigned ({@code alg: none}), HMAC-signed, tampered, expired and
 * other-pool tokens are refused with 401.
 */
public final class CognitoJwtVerifier {

    private static final Logger LOG = Logger.getLogger(CognitoJwtVerifier.class.getName());

    private final PoolSettings pool;
    private final DefaultJWTProcessor<SecurityContext> processor;

    public CognitoJwtVerifier(PoolSettings pool) {
        this.pool = pool;
        try {
            JWKSource<SecurityContext> keys = JWKSourceBuilder
                    .create(pool.jwksUrl().toURL(), new DefaultResourceRetriever(2000, 2000, 512 * 1024))
                    .retrying(true)
                    .build();
            this.processor = new DefaultJWTProcessor<>();
            this.processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
            DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                    new JWTClaimsSet.Builder().issuer(pool.issuer()).build(),
                    new HashSet<>(List.of("sub", "exp", "iat", "token_use")));
            claims.setMaxClockSkew(60);
            this.processor.setJWTClaimsSetVerifier(claims);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("bad JWKS URL for " + pool.scheme() + ": " + pool.jwksUrl(), e);
        }
    }

    public PoolSettings pool() {
        return pool;
    }

    /** The caller named by a valid token, else 401 {@code UNAUTHORIZED}. */
    public Caller verify(String token) {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ParseException | BadJOSEException e) {
            throw ApiException.unauthorized("the token is not valid for this API");
        } catch (com.nimbusds.jose.JOSEException e) {
            // keys could not be fetched or the signature could not be checked
            LOG.warning("JWT verification failed for " + pool.scheme() + ": " + e.getMessage());
            throw ApiException.unauthorized("the token could not be verified");
        }
        checkAudience(claims);
        String sub = claims.getSubject();
        if (sub == null || sub.isBlank() || sub.length() > 128) {
            throw ApiException.unauthorized("the token names no user");
        }
        return new Caller(sub, pool.callerKind(), claims.getIssueTime() == null ? null : claims.getIssueTime().toInstant());
    }

    private void checkAudience(JWTClaimsSet claims) {
        Object use = claims.getClaim("token_use");
        boolean ok;
        if ("access".equals(use)) {
            ok = pool.clientId().equals(claims.getClaim("client_id"));
        } else if ("id".equals(use)) {
            List<String> audience = claims.getAudience();
            ok = audience != null && audience.contains(pool.clientId());
        } else {
            ok = false;
        }
        if (!ok) {
            throw ApiException.unauthorized("the token was not issued for this API");
        }
    }

    /** Scheme names this class can serve. */
    public static Set<String> schemes() {
        return Set.of("userPool", "adminPool");
    }
}
