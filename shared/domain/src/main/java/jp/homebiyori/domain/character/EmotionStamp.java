package jp.homebiyori.domain.character;

import java.util.Arrays;
import java.util.Optional;

/** The six emotion stamps a user can send alone: 😊 😔 😤 😰 😴 😅. */
public enum EmotionStamp {
    HAPPY("happy", "😊"),
    SAD("sad", "😔"),
    ANGRY("angry", "😤"),
    ANXIOUS("anxious", "😰"),
    TIRED("tired", "😴"),
    TROUBLED("troubled", "😅");

    private final String id;
    private final String emoji;

    EmotionStamp(String id, String emoji) {
        this.id = id;
        this.emoji = emoji;
    }

    public String id() {
        return id;
    }

    public String emoji() {
        return emoji;
    }

    public static Optional<EmotionStamp> fromId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }
}
