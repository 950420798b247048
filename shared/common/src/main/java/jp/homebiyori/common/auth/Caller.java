package jp.homebiyori.common.auth;

import java.time.Instant;

/**
 * Who is calling: an end user (the user pool's {@code sub}), an administrator (the admin pool's
 * {@code sub}) or another service (its name from the internal API's source allow-list); for a token,
 * when it was issued ({@code iat}; null when unknown or not a token).
 */
public record Caller(String id, Kind kind, Instant issuedAt) {

    public Caller(String id, Kind kind) {
        this(id, kind, null);
    }

    public enum Kind { USER, ADMIN, SERVICE }
}
