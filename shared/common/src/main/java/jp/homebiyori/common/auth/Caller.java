package jp.homebiyori.common.auth;

/**
 * Who is calling: an end user (the user pool's {@code sub}), an administrator (the admin pool's
 * {@code sub}) or another service (its name from the internal API's source allow-list).
 */
public record Caller(String id, Kind kind) {

    public enum Kind { USER, ADMIN, SERVICE }
}
