package jp.homebiyori.ai;

import jp.homebiyori.domain.character.Emotion;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the emotion analysis found in one message.
 *
 * @param primary     the strongest emotion, if any keyword matched
 * @param detected    every emotion found, strongest first (the chats table keeps them all)
 * @param intensity   1–5: how strongly the emotion is expressed
 * @param depth       1–5: how much the message reflects (length, sentences, reflective words)
 * @param fruitWorthy intensity ≥ 3 and depth ≥ 3 and at least 20 characters
 */
public record EmotionAnalysis(Optional<Emotion> primary, List<Emotion> detected, int intensity, int depth,
                              boolean fruitWorthy) {

    public static final int FRUIT_MIN_INTENSITY = 3;
    public static final int FRUIT_MIN_DEPTH = 3;
    public static final int FRUIT_MIN_LENGTH = 20;

    public EmotionAnalysis {
        Objects.requireNonNull(primary, "primary");
        detected = List.copyOf(detected);
        if (intensity < 1 || intensity > 5 || depth < 1 || depth > 5) {
            throw new IllegalArgumentException("intensity and depth are 1–5");
        }
    }

    /** The analysis of an emotion stamp sent alone: its emotion, weak and shallow, never a fruit. */
    public static EmotionAnalysis ofStamp(Optional<Emotion> emotion) {
        return new EmotionAnalysis(emotion, emotion.stream().toList(), emotion.isPresent() ? 2 : 1, 1, false);
    }
}
