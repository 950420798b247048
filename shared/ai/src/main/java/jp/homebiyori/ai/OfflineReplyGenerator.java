package jp.homebiyori.ai;

import jp.homebiyori.domain.character.AiCharacter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes replies without a model: the local default and Bedrock's fallback. Deterministic (the same
 * message gets the same reply) yet varied (phrases are chosen by a hash of the message), in the
 * character's voice, acknowledging the detected emotion, with 2–3 sentences for normal and 4–5 for
 * deep. The phrase banks follow the reply rules: no advice, no comparisons.
 *
 * <p>When the message names what the parent did ({@link DeedFinder}: 「今日は公園に行けた」 → 公園), the
 * second sentence names it in the character's voice (「公園に行けたんだねぇ、あんた本当によくやったよ。」)
 * instead of a generic body line; a normal reply with a deed is then always 3 sentences (opening, deed,
 * closing), so the emotion is still acknowledged. Without a deed the reply is what it always was.
 */
public final class OfflineReplyGenerator implements ReplyGenerator {

    private static final int SLOT_LENGTH = 0;
    private static final int SLOT_OPENING = 1;
    private static final int SLOT_BODY = 2;
    private static final int SLOT_DEEP = 3;
    private static final int SLOT_CLOSING = 4;
    private static final int SLOT_DEED = 5;

    @Override
    public GeneratedReply generate(ReplyRequest request) {
        return new GeneratedReply(compose(request), ReplySource.OFFLINE);
    }

    private static String compose(ReplyRequest request) {
        OfflineVoice voice = voice(request.character());
        PhrasePicker picker = new PhrasePicker(request.message());
        Optional<Deed> deed = DeedFinder.find(request.message());
        int count = request.level().minSentences() + (picker.flag(SLOT_LENGTH) ? 1 : 0);
        if (deed.isPresent()) {
            count = Math.max(count, 3); // room for the deed between opening and closing (normal's 3 of 2–3)
        }
        List<String> sentences = new ArrayList<>();
        sentences.add(picker.one(voice.opening(request.emotion()), SLOT_OPENING));
        int middle = count - 2;
        if (middle >= 1 && deed.isPresent()) {
            // The one place a reply repeats the user's words: the deed's noun phrase (≤ 12 characters of
            // dictionary nouns, never a name, never from a message the safety step answers — DeedFinder).
            // It is safe to say back: the reply goes only to this user and is stored only where their message
            // already is — the chat (expires with it, by TTL) and the day's fruit, which keeps the whole
            // message anyway; both are erased with the account. Neither the phrase nor the reply is logged.
            sentences.add(OfflineVoice.fill(picker.one(voice.deedLines().get(request.mood()), SLOT_DEED),
                    request.mood(), deed.get()));
        } else if (middle >= 1) {
            sentences.add(picker.one(voice.bodies().get(request.mood()), SLOT_BODY));
        }
        if (middle >= 2) {
            sentences.addAll(picker.distinct(voice.deepLines().get(request.mood()), middle - 1, SLOT_DEEP));
        }
        sentences.add(picker.one(voice.closings().get(request.mood()), SLOT_CLOSING));
        return String.join("", sentences);
    }

    static OfflineVoice voice(AiCharacter character) {
        return switch (character) {
            case TAMA -> TamaVoice.VOICE;
            case MADOKA -> MadokaVoice.VOICE;
            case HIDE -> HideVoice.VOICE;
        };
    }
}
