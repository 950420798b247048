package jp.homebiyori.domain.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.homebiyori.common.auth.DeletedAccounts;
import jp.homebiyori.common.db.Table;
import jp.homebiyori.common.db.TableNames;
import jp.homebiyori.domain.chat.dynamo.DynamoChatRepository;
import jp.homebiyori.domain.subscription.Subscription;
import jp.homebiyori.domain.subscription.dynamo.DynamoSubscriptionRepository;
import jp.homebiyori.domain.tree.Tree;
import jp.homebiyori.domain.tree.dynamo.DynamoTreeRepository;
import jp.homebiyori.domain.user.UserProfile;
import jp.homebiyori.domain.user.dynamo.DynamoUserRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a chat send needs to know about its user — profile, subscription, tree and the conversation
 * context (beside the chats) — in one BatchGetItem across the four tables, so a message costs at most
 * four DynamoDB calls.
 * When the request left its deleted-account check to this read (DeletedAccountFilter), the marker is in
 * the same batch and the check is completed before anything is returned: a token of a deleted account
 * gets its 401 here, before the message is stored.
 */
@ApplicationScoped
public class ChatContextReader {

    private final DynamoDbClient dynamo;
    private final TableNames names;
    private final DeletedAccounts deletedAccounts;

    @Inject
    public ChatContextReader(DynamoDbClient dynamo, TableNames names, DeletedAccounts deletedAccounts) {
        this.dynamo = dynamo;
        this.names = names;
        this.deletedAccounts = deletedAccounts;
    }

    /** What is stored of a user now (the conversation context as stored: the model sees its live turns). */
    public record ChatContext(Optional<UserProfile> profile, Subscription subscription, Tree tree,
                              ConversationContext conversation) {
    }

    public ChatContext read(String userId) {
        String users = names.of(Table.USERS);
        String subscriptions = names.of(Table.SUBSCRIPTIONS);
        String trees = names.of(Table.TREES);
        String chats = names.of(Table.CHATS);
        Map<String, KeysAndAttributes> request = new HashMap<>(Map.of(
                users, keys(DynamoUserRepository.keyOf(userId)),
                subscriptions, keys(DynamoSubscriptionRepository.keyOf(userId)),
                trees, keys(DynamoTreeRepository.keyOf(userId)),
                chats, keys(DynamoChatRepository.contextKeyOf(userId))));
        Optional<DeletedAccounts.PendingCheck> deletionCheck = deletedAccounts.pendingCheckFor(userId);
        if (deletionCheck.isPresent()) {
            request.put(deletionCheck.get().table(), keys(deletionCheck.get().key()));
        }
        Map<String, Map<String, AttributeValue>> found = new HashMap<>();
        for (int attempt = 0; !request.isEmpty() && attempt < 5; attempt++) {
            Map<String, KeysAndAttributes> current = request;
            BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(current));
            response.responses().forEach((table, items) -> items.forEach(item -> found.put(table, item)));
            request = response.unprocessedKeys();
        }
        if (!request.isEmpty()) {
            throw new IllegalStateException("DynamoDB kept some keys of the chat context unprocessed");
        }
        deletionCheck.ifPresent(check -> check.complete(found.get(check.table())));
        return new ChatContext(
                Optional.ofNullable(found.get(users)).map(DynamoUserRepository::fromStored),
                Optional.ofNullable(found.get(subscriptions)).map(DynamoSubscriptionRepository::fromStored)
                        .orElseGet(() -> Subscription.free(userId)),
                Optional.ofNullable(found.get(trees)).map(item -> DynamoTreeRepository.fromStored(userId, item))
                        .orElseGet(() -> Tree.empty(userId)),
                Optional.ofNullable(found.get(chats)).map(item -> DynamoChatRepository.contextFromStored(userId, item))
                        .orElseGet(() -> ConversationContext.empty(userId)));
    }

    private static KeysAndAttributes keys(Map<String, AttributeValue> key) {
        return KeysAndAttributes.builder().keys(List.of(key)).consistentRead(true).build();
    }
}
