package jp.homebiyori.common.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.homebiyori.common.db.Attrs;
import jp.homebiyori.common.db.Table;
import jp.homebiyori.common.db.TableNames;
import jp.homebiyori.common.error.ApiException;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.common.web.RequestScope;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * When an account was deleted, remembered for as long as a token issued before could still be valid
 * ({@code homebiyori.account.deleted-marker-hours}, 24 by default: Cognito access tokens live at most a
 * day), and the one rule that uses it: a user-pool token issued before the deletion is refused (401) —
 * it must neither read nor write anything of a gone account (chat text after the erasure, a recreated
 * profile, a new Stripe customer). A token issued since (the person signed in again) starts afresh.
 * Kept in the system table ({@code DELETED_USER#<sub>} / {@code MARKER}, with a TTL); holds the
 * {@code sub} and a time, nothing else.
 *
 * <p>{@link DeletedAccountFilter} applies the rule to every user-pool request: with a GetItem of its own,
 * or — for the operations whose first read is a batch of the user's items anyway — by leaving the marker
 * to that batch ({@link #pendingCheckFor}), which must complete it before anything is written.
 */
@ApplicationScoped
public class DeletedAccounts {

    private static final String MARKER = "MARKER";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration keep;
    private final JstClock clock;

    @Inject
    public DeletedAccounts(DynamoDbClient dynamo, TableNames names, JstClock clock,
                           @ConfigProperty(name = "homebiyori.account.deleted-marker-hours", defaultValue = "24") int hours) {
        this.dynamo = dynamo;
        this.table = names.of(Table.SYSTEM);
        this.keep = Duration.ofHours(hours);
        this.clock = clock;
    }

    /** The marker's key in the system table. */
    public static Map<String, AttributeValue> keyOf(String userId) {
        return Map.of(Table.PK, Attrs.s("DELETED_USER#" + userId), Table.SK, Attrs.s(MARKER));
    }

    /** Records that the account is being deleted now (repeating it moves the time forward). */
    public void mark(String userId, Instant deletedAt) {
        Map<String, AttributeValue> item = new HashMap<>(keyOf(userId));
        item.put("deleted_at", Attrs.n(deletedAt.toEpochMilli()));
        item.put(Table.TTL, Attrs.n(deletedAt.plus(keep).getEpochSecond()));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    /** When the account was deleted, if that is recent enough to matter (expired markers are ignored). */
    public Optional<Instant> deletedAt(String userId) {
        return deletedAt(dynamo.getItem(b -> b.tableName(table).key(keyOf(userId)).consistentRead(true)).item());
    }

    private Optional<Instant> deletedAt(Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty() || Long.parseLong(item.get(Table.TTL).n()) <= clock.instant().getEpochSecond()) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochMilli(Long.parseLong(item.get("deleted_at").n())));
    }

    /** The check with a read of its own (one consistent GetItem): 401 for a token of a deleted account. */
    public void refuseTokenOfADeletedAccount(Caller caller) {
        refuse(caller, deletedAt(caller.id()));
    }

    /**
     * A token issued before the account was deleted is refused: 401. Compared in whole seconds, as
     * {@code iat} is: a token issued in the second of the deletion counts as issued after it. A token
     * without {@code iat} counts as issued before.
     */
    private static void refuse(Caller caller, Optional<Instant> deletedAt) {
        deletedAt.ifPresent(at -> {
            boolean issuedBefore = caller.issuedAt() == null || caller.issuedAt().getEpochSecond() < at.getEpochSecond();
            if (issuedBefore) {
                throw ApiException.unauthorized("this account was deleted; sign in again to start afresh");
            }
        });
    }

    /**
     * If the current request left its check to a batch read of {@code userId}'s items: the marker to add
     * to that batch (consistently read), and {@link PendingCheck#complete} to call with what the batch
     * found before anything else happens. Empty when the check was already made (or the request is not a
     * user's), so nothing is read twice.
     */
    public Optional<PendingCheck> pendingCheckFor(String userId) {
        return RequestScope.current().deletionCheckPending()
                .filter(caller -> caller.id().equals(userId))
                .map(PendingCheck::new);
    }

    /** A deleted-account check left to the request's own batch read (see {@link #pendingCheckFor}). */
    public final class PendingCheck {

        private final Caller caller;

        private PendingCheck(Caller caller) {
            this.caller = caller;
        }

        public String table() {
            return table;
        }

        public Map<String, AttributeValue> key() {
            return keyOf(caller.id());
        }

        /** Completes the check with the marker item the batch found (null or empty if none): 401 for a token of a deleted account. */
        public void complete(Map<String, AttributeValue> marker) {
            RequestScope.current().deletionCheckPending(null);
            refuse(caller, deletedAt(marker));
        }
    }
}
