package jp.homebiyori.domain.user.dynamo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.homebiyori.common.db.Attrs;
import jp.homebiyori.common.db.Conditions;
import jp.homebiyori.common.db.Page;
import jp.homebiyori.common.db.PageTokens;
import jp.homebiyori.common.db.Table;
import jp.homebiyori.common.db.TableNames;
import jp.homebiyori.domain.user.UserProfile;
import jp.homebiyori.domain.user.UserRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link UserRepository} on the users table: one GetItem, PutItem or UpdateItem per call. */
@ApplicationScoped
public class DynamoUserRepository implements UserRepository {

    private final DynamoDbClient dynamo;
    private final String table;
    private final PageTokens tokens;

    @Inject
    public DynamoUserRepository(DynamoDbClient dynamo, TableNames names, PageTokens tokens) {
        this.dynamo = dynamo;
        this.table = names.of(Table.USERS);
        this.tokens = tokens;
    }

    /** The stored key of a user's profile (for batch reads across tables). */
    public static Map<String, AttributeValue> keyOf(String userId) {
        return UserItem.key(userId);
    }

    /** A stored profile item as a {@link UserProfile}. */
    public static UserProfile fromStored(Map<String, AttributeValue> item) {
        return UserItem.fromItem(item);
    }

    @Override
    public Optional<UserProfile> find(String userId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(UserItem.key(userId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(UserItem.fromItem(item));
    }

    @Override
    public UserProfile createIfAbsent(UserProfile profile) {
        return insertIfAbsent(profile) ? profile : find(profile.userId()).orElse(profile);
    }

    @Override
    public boolean insertIfAbsent(UserProfile profile) {
        return Conditions.applied(() -> dynamo.putItem(b -> b.tableName(table)
                .item(UserItem.toItem(profile)).conditionExpression("attribute_not_exists(PK)")));
    }

    @Override
    public boolean markOnboardingCompleted(String userId, OffsetDateTime now) {
        return Conditions.applied(() -> dynamo.updateItem(b -> b.tableName(table).key(UserItem.key(userId))
                .updateExpression("SET onboarding_completed = :yes, updated_at = :now")
                .conditionExpression("attribute_exists(PK) AND (attribute_not_exists(onboarding_completed) OR onboarding_completed <> :yes)")
                .expressionAttributeValues(Map.of(":yes", Attrs.bool(true), ":now", Attrs.time(now)))));
    }

    @Override
    public Optional<UserProfile> update(String userId, ProfileChange change, OffsetDateTime now) {
        List<String> sets = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        set(sets, names, values, "updated_at", Attrs.time(now));
        if (change.nickname() != null) {
            set(sets, names, values, "nickname", Attrs.s(change.nickname()));
            set(sets, names, values, "nickname_updated_at", Attrs.time(now));
        }
        if (change.aiCharacter() != null) {
            set(sets, names, values, "ai_character", Attrs.s(change.aiCharacter().id()));
        }
        if (change.praiseLevel() != null) {
            set(sets, names, values, "praise_level", Attrs.s(change.praiseLevel().id()));
        }
        if (change.mood() != null) {
            set(sets, names, values, "mood", Attrs.s(change.mood().id()));
        }
        if (change.onboardingCompleted() != null) {
            set(sets, names, values, "onboarding_completed", Attrs.bool(change.onboardingCompleted()));
        }
        try {
            Map<String, AttributeValue> after = dynamo.updateItem(b -> b.tableName(table).key(UserItem.key(userId))
                    .updateExpression("SET " + String.join(", ", sets))
                    .conditionExpression("attribute_exists(PK)")
                    .expressionAttributeNames(names).expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return Optional.of(UserItem.fromItem(after));
        } catch (ConditionalCheckFailedException noProfile) {
            return Optional.empty();
        }
    }

    private static void set(List<String> sets, Map<String, String> names, Map<String, AttributeValue> values,
                            String attribute, AttributeValue value) {
        names.put("#" + attribute, attribute);
        values.put(":" + attribute, value);
        sets.add("#" + attribute + " = :" + attribute);
    }

    @Override
    public void delete(String userId) {
        dynamo.deleteItem(b -> b.tableName(table).key(UserItem.key(userId)));
    }

    @Override
    public Optional<UserProfile> deleteIfPresent(String userId) {
        Map<String, AttributeValue> before = dynamo.deleteItem(b -> b.tableName(table).key(UserItem.key(userId))
                .returnValues(ReturnValue.ALL_OLD)).attributes();
        return before == null || before.isEmpty() ? Optional.empty() : Optional.of(UserItem.fromItem(before));
    }

    @Override
    public Page<UserProfile> list(int limit, String nextToken) {
        ScanResponse page = dynamo.scan(b -> b.tableName(table).limit(limit)
                .exclusiveStartKey(tokens.decode(nextToken, "users:all")));
        List<UserProfile> profiles = page.items().stream().filter(UserItem::isProfile).map(UserItem::fromItem).toList();
        return new Page<>(profiles, tokens.encode(page.lastEvaluatedKey(), "users:all"));
    }
}
