package jp.homebiyori.user.application;

import java.time.OffsetDateTime;

/** The outcome of a (possibly resumed) account deletion. */
public record AccountDeletion(String userId, boolean subscriptionCanceled, OffsetDateTime deletedAt) {
}
