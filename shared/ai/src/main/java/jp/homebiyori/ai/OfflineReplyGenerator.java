package jp.homebiyori.ai;

import jp.homebiyori.domain.character.AiCharacter;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes replies without a model: the local default and Bedrock's fallback. Deterministic (the same
 * message gets the same reply) yet varied (phrases are chosen by a hash of the message), in the
 * character's voice, acknowledging the detected emotion, with 2–3 sentences for normal and 4–5 for
 * deep. The phrase banks follow the reply rules: no advice, no comparisons.
 */
public final class OfflineReplyGenerator implements ReplyGenerator {

    private static final int SLOT_LENGTH = 0;
    private static final int SLOT_OPENING = 1;
    private static final int SLOT_BODY = 2;
    private static final int SLOT_DEEP = 3;
    private static final int SLOT_CLOSING = 4;

    @Override
    public GeneratedReply generate(ReplyRequest request) {
        return new GeneratedReply(compose(request), ReplySource.OFFLINE);
    }

    private static String compose(ReplyRequest request) {
        OfflineVoice voice = voice(request.character());
        PhrasePicker picker = new PhrasePicker(request.message());
        int count = request.level().minSentences() + (picker.flag(SLOT_LENGTH) ? 1 : 0);
        List<String> sentences = new ArrayList<>();
        sentences.add(picker.one(voice.opening(request.emotion()), SLOT_OPENING));
        int middle = count - 2;
        if (middle >= 1) {
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
