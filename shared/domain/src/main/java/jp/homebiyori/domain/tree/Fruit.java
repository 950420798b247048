package jp.homebiyori.domain.tree;

import jp.homebiyori.domain.character.AiCharacter;
import jp.homebiyori.domain.character.Emotion;

import java.time.OffsetDateTime;

/**
 * A fruit of the tree: grown from one message that moved its writer (at most one a day), it keeps the
 * message, the reply, the character and its colour, and the emotion.
 */
public record Fruit(String userId, String fruitId, String userMessage, String aiResponse, AiCharacter aiCharacter,
                    Emotion emotion, String color, OffsetDateTime createdAt, int viewCount,
                    OffsetDateTime firstViewedAt) {

    public boolean viewed() {
        return viewCount > 0;
    }
}
