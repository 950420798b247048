package jp.homebiyori.domain.tree;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A user's tree: what the user has written in total, the days of the last message and fruit (JST),
 * and the last few exchanges — the model's conversation context, kept here so that a chat send reads
 * everything it needs in one batch (see ChatContextReader).
 */
public record Tree(String userId, long totalCharacters, long totalMessages, long totalFruits,
                   LocalDate lastMessageDate, LocalDate lastFruitDate,
                   OffsetDateTime createdAt, OffsetDateTime updatedAt, List<RecentTurn> recentTurns) {

    /** How many exchanges the tree keeps as context (domain.md: the last 5 turns). */
    public static final int CONTEXT_TURNS = 5;

    public Tree {
        recentTurns = recentTurns == null ? List.of() : List.copyOf(recentTurns);
    }

    public Tree(String userId, long totalCharacters, long totalMessages, long totalFruits, LocalDate lastMessageDate,
                LocalDate lastFruitDate, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
        this(userId, totalCharacters, totalMessages, totalFruits, lastMessageDate, lastFruitDate, createdAt, updatedAt, List.of());
    }

    /** The tree of a user who has written nothing yet. */
    public static Tree empty(String userId) {
        return new Tree(userId, 0, 0, 0, null, null, null, null, List.of());
    }

    /** One earlier exchange: the user's words, the reply, and when (so expired chats leave the context too). */
    public record RecentTurn(String userMessage, String aiReply, OffsetDateTime at) {
    }

    /** The context after one more exchange: oldest first, at most {@link #CONTEXT_TURNS}. */
    public List<RecentTurn> withTurn(RecentTurn turn) {
        List<RecentTurn> turns = new ArrayList<>(recentTurns);
        turns.add(turn);
        return turns.subList(Math.max(0, turns.size() - CONTEXT_TURNS), turns.size());
    }
}
