package jp.homebiyori.domain.chat;

import jp.homebiyori.common.db.Page;
import jp.homebiyori.domain.character.AiCharacter;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;

/** Chats in the chats table, newest first; expired ones (TTL passed) are never returned. */
public interface ChatRepository {

    void save(ChatMessage message);

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
