package jp.homebiyori.domain.tree;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A user's tree: what the user has written in total and the days of the last message and fruit (JST).
 * It holds no chat text: the model's conversation context lives beside the chats and expires with them
 * ({@code jp.homebiyori.domain.chat.ConversationContext}).
 */
public record Tree(String userId, long totalCharacters, long totalMessages, long totalFruits,
                   LocalDate lastMessageDate, LocalDate lastFruitDate,
                   OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    /** The tree of a user who has written nothing yet. */
    public static Tree empty(String userId) {
        return new Tree(userId, 0, 0, 0, null, null, null, null);
    }
}
