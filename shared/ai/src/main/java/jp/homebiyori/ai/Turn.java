package jp.homebiyori.ai;

import java.util.Objects;

/**
 * One earlier exchange of the conversation: what the user wrote and what the character answered.
 * A history is passed oldest first; the model sees only the last {@link #CONTEXT_TURNS}.
 */
public record Turn(String userMessage, String aiReply) {

    /** How many earlier turns the model gets as context (domain.md: the last 5). */
    public static final int CONTEXT_TURNS = 5;

    public Turn {
        Objects.requireNonNull(userMessage, "userMessage");
        Objects.requireNonNull(aiReply, "aiReply");
    }

    /** A turn with an empty side cannot be sent to the model (it rejects empty content). */
    boolean isComplete() {
        return !userMessage.isBlank() && !aiReply.isBlank();
    }
}
