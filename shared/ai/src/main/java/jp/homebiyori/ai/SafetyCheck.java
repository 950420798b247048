package jp.homebiyori.ai;

import jp.homebiyori.domain.character.AiCharacter;

import java.util.List;
import java.util.Optional;

/**
 * The step before generation: recognises self-harm, child abuse, domestic violence, medical questions
 * and divorce or bereavement in Japanese as parents write it (inflected, in kana, indirect) and in
 * simple English, and answers them with a fixed reply in the character's voice, which points to the
 * Japanese contacts where safety is at stake. Deterministic; no model is asked.
 *
 * <p>How it decides (docs/decisions.md, "The safety step"): the message is read as morphemes
 * ({@link Morphology}, Kuromoji) and as kana ({@link SafetyText}); {@link SafetySignals} looks for each
 * category; the most urgent category found wins — <em>when in doubt, care wins</em>: a self-harm signal
 * outranks a medical question (睡眠薬を全部飲んだら is not a dosage question). Where the rules find nothing,
 * a learned second opinion ({@link SafetyModel}) may still find a crisis (self-harm, abuse, violence). A short message that
 * carries on a crisis told in the last turns (「もう無理」 after a wish to disappear) gets that turn's
 * category. Judged on the labelled set in {@code src/test/resources/evaluation} (SafetyEvaluationTest).
 */
public final class SafetyCheck {

    /** How many earlier user messages the context rule looks at. */
    static final int CONTEXT_TURNS = 3;

    /** The category of {@code message} alone, if any; the most urgent when several match. */
    public Optional<SafetyCategory> classify(String message) {
        SafetyText text = new SafetyText(message);
        if (SafetySignals.selfHarm(text)) {
            return Optional.of(SafetyCategory.SELF_HARM);
        }
        if (SafetySignals.childAbuse(text)) {
            return Optional.of(SafetyCategory.CHILD_ABUSE);
        }
        if (SafetySignals.violence(text)) {
            return Optional.of(SafetyCategory.DOMESTIC_VIOLENCE);
        }
        if (SafetySignals.medicalQuestion(text)) {
            return Optional.of(SafetyCategory.MEDICAL);
        }
        if (SafetySignals.heavyLifeEvent(text)) {
            return Optional.of(SafetyCategory.DIVORCE_OR_BEREAVEMENT);
        }
        // the rules found nothing: the learned second opinion may still see a crisis they do not phrase — but not
        // against what the rules read plainly: a wish *not* to die (死にたくないから頑張る) is not one
        if (SafetySignals.negatedWish(text)) {
            return Optional.empty();
        }
        return SafetyModel.get().crisis(message);
    }

    /**
     * The category of {@code message} in its conversation: the message's own, or — for a short message
     * that carries on (もう無理, 限界, 助けて …) — the crisis (self-harm, abuse, violence) of one of the
     * last {@value #CONTEXT_TURNS} user messages.
     *
     * @param history earlier turns, oldest first
     */
    public Optional<SafetyCategory> classify(String message, List<Turn> history) {
        Optional<SafetyCategory> own = classify(message);
        if (own.isPresent() || history.isEmpty() || !SafetySignals.carriesOn(message)) {
            return own;
        }
        for (int i = history.size() - 1; i >= 0 && i >= history.size() - CONTEXT_TURNS; i--) {
            Optional<SafetyCategory> before = classify(history.get(i).userMessage());
            if (before.isPresent() && before.get().ordinal() <= SafetyCategory.DOMESTIC_VIOLENCE.ordinal()) {
                return before;
            }
        }
        return Optional.empty();
    }

    /** The fixed reply for {@code message}, or empty when the message may go to the generator. */
    public Optional<SafetyResult> check(AiCharacter character, String message) {
        return check(character, message, List.of());
    }

    /** As {@link #check(AiCharacter, String)}, with the conversation's earlier turns as context. */
    public Optional<SafetyResult> check(AiCharacter character, String message, List<Turn> history) {
        return classify(message, history).map(category -> new SafetyResult(category, SafeReplies.reply(character, category)));
    }
}
