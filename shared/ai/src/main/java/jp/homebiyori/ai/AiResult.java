package jp.homebiyori.ai;

import java.util.Objects;
import java.util.Optional;

/**
 * One AI reply, ready for the chat service.
 *
 * @param text           the reply (without the disclaimer, so that a fruit keeps only the words)
 * @param source         who produced it
 * @param safetyCategory set when the safety step answered
 * @param emotion        the emotion analysis of the user's message
 * @param fruitAllowed   whether this message may grow a fruit: never for safety replies and stamps,
 *                       otherwise the analysis' {@code fruitWorthy}. The one-per-JST-day rule is the
 *                       chat service's.
 */
public record AiResult(String text, ReplySource source, Optional<SafetyCategory> safetyCategory,
                       EmotionAnalysis emotion, boolean fruitAllowed) {

    public AiResult {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(safetyCategory, "safetyCategory");
        Objects.requireNonNull(emotion, "emotion");
        if (fruitAllowed && safetyCategory.isPresent()) {
            throw new IllegalArgumentException("a safety reply never grows a fruit");
        }
    }

    /** The note every reply carries: {@link Disclaimer#TEXT}. */
    public String disclaimer() {
        return Disclaimer.TEXT;
    }

    /** The reply followed by the disclaimer on its own line, for callers that show one string. */
    public String textWithDisclaimer() {
        return text + "\n" + Disclaimer.TEXT;
    }
}
