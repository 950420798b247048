package jp.homebiyori.common.auth;

import java.net.URI;

/**
 * One Cognito user pool as the verifier sees it: where its keys are, the issuer its tokens name, and
 * the app client that tokens must be issued to.
 */
public record PoolSettings(String scheme, URI jwksUrl, String issuer, String clientId, Caller.Kind callerKind) {
}
