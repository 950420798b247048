package jp.homebiyori.domain.chat;

import jp.homebiyori.common.db.Page;
import jp.homebiyori.domain.character.AiCharacter;
import jp.homebiyori.domain.subscription.Plan;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;

/**
 * Chats in the chats table, newest first; expired ones (TTL passed) are never returned. The user's
 * {@link ConversationContext} lives beside them and expires like them.
 */
public interface ChatRepository {

    void save(ChatMessage message);

    /**
     * Stores a chat and replaces the user's conversation context with {@code context} (non-empty) in one
     * request, so a message still costs one write for both.
     */
    void save(ChatMessage message, ConversationContext context);

    /**
     * Rewrites the stored conversation context for the plan now in force (a plan change): turns whose
     * chats that plan no longer keeps leave it, its TTL becomes the oldest remaining turn's chat expiry,
     * and a context left without turns (or already expired) is emptied and expires now. Safe against a
     * message stored meanwhile (the rewrite is conditional on the context it read, and then redone).
     * Returns the context as stored after (empty if none).
     */
    ConversationContext retainContext(String userId, Plan plan, Instant now);

    /** The stored conversation context as it is (empty if none); what the model may see is its {@code live} turns. */
    ConversationContext context(String userId);

    /**
     * Newest first, optionally only one character's and only between two instants
     * ({@code from} inclusive, {@code to} exclusive; null: open).
     */
    Page<ChatMessage> history(String userId, int limit, String nextToken, AiCharacter character,
                              OffsetDateTime from, OffsetDateTime to, Instant now);

    /** The newest {@code count} unexpired chats (context for the model). */
    List<ChatMessage> newest(String userId, int count, Instant now);

    /** Every chat of the user, a page of keys and creation times at a time (TTL rewrite). */
    void forEachPage(String userId, Consumer<List<ChatKey>> page);

    /** Sets the TTL of one chat, if it still exists. */
    void updateTtl(ChatKey key, long ttlEpochSeconds);

    /** A stored chat's identity and creation time, without its text. */
    record ChatKey(String userId, String sortKey, OffsetDateTime createdAt) {
    }
}
