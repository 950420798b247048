package jp.homebiyori.ai;

import jp.homebiyori.domain.character.AiCharacter;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The step before generation: recognises self-harm, child abuse, domestic violence, medical questions
 * and divorce or bereavement (Japanese and simple English), and answers them with a fixed reply in
 * the character's voice. Self-harm and violence replies point to Japanese emergency and counselling
 * contacts. Deterministic; no model is asked.
 */
public final class SafetyCheck {

    /** The category of {@code message}, if any; the most urgent when several match. */
    public Optional<SafetyCategory> classify(String message) {
        String text = Texts.normalize(message);
        for (Map.Entry<SafetyCategory, List<Pattern>> entry : SafetyPatterns.CATEGORIES.entrySet()) {
            if (matches(entry.getKey(), entry.getValue(), text)) {
                return Optional.of(entry.getKey());
            }
        }
        return Optional.empty();
    }

    /** The fixed reply for {@code message}, or empty when the message may go to the generator. */
    public Optional<SafetyResult> check(AiCharacter character, String message) {
        return classify(message).map(category -> new SafetyResult(category, SafeReplies.reply(character, category)));
    }

    private static boolean matches(SafetyCategory category, List<Pattern> patterns, String text) {
        if (category == SafetyCategory.MEDICAL) {
            return SafetyPatterns.anyMatches(SafetyPatterns.MEDICAL_TERMS, text)
                    && SafetyPatterns.anyMatches(SafetyPatterns.QUESTION, text);
        }
        return SafetyPatterns.anyMatches(patterns, text);
    }
}
