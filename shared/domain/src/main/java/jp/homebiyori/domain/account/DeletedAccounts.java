package jp.homebiyori.domain.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.homebiyori.common.db.Attrs;
import jp.homebiyori.common.db.Table;
import jp.homebiyori.common.db.TableNames;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * When an account was deleted, remembered for as long as a token issued before could still be valid
 * ({@code homebiyori.account.deleted-marker-hours}, 24 by default: Cognito access tokens live at most a
 * day). Without it, a token of the deleted user that has not expired yet would, on its next
 * onboarding-status call, create a new bare profile for a gone account. Kept in the system table
 * ({@code DELETED_USER#<sub>} / {@code MARKER}, with a TTL); holds the {@code sub} and a time, nothing else.
 */
@ApplicationScoped
public class DeletedAccounts {

    private static final String MARKER = "MARKER";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration keep;

    @Inject
    public DeletedAccounts(DynamoDbClient dynamo, TableNames names,
                           @ConfigProperty(name = "homebiyori.account.deleted-marker-hours", defaultValue = "24") int hours) {
        this.dynamo = dynamo;
        this.table = names.of(Table.SYSTEM);
        this.keep = Duration.ofHours(hours);
    }

    private static Map<String, AttributeValue> key(String userId) {
        return Map.of(Table.PK, Attrs.s("DELETED_USER#" + userId), Table.SK, Attrs.s(MARKER));
    }

    /** Records that the account is being deleted now (repeating it moves the time forward). */
    public void mark(String userId, Instant deletedAt) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(key(userId));
        item.put("deleted_at", Attrs.n(deletedAt.toEpochMilli()));
        item.put(Table.TTL, Attrs.n(deletedAt.plus(keep).getEpochSecond()));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    /** When the account was deleted, if that is recent enough to matter (expired markers are ignored). */
    public Optional<Instant> deletedAt(String userId, Instant now) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(userId)).consistentRead(true)).item();
        if (item == null || item.isEmpty() || Long.parseLong(item.get(Table.TTL).n()) <= now.getEpochSecond()) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochMilli(Long.parseLong(item.get("deleted_at").n())));
    }
}
