package jp.homebiyori.ai;

import jp.homebiyori.domain.character.AiCharacter;
import jp.homebiyori.domain.character.Emotion;
import jp.homebiyori.domain.character.Mood;
import jp.homebiyori.domain.character.PraiseLevel;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a generator needs for one reply.
 *
 * @param history earlier turns, oldest first (generators use the last {@link Turn#CONTEXT_TURNS})
 * @param emotion the primary emotion of the message, which the offline voice acknowledges
 */
public record ReplyRequest(AiCharacter character, Mood mood, PraiseLevel level, String message, List<Turn> history,
                           Optional<Emotion> emotion) {

    public ReplyRequest {
        Objects.requireNonNull(character, "character");
        Objects.requireNonNull(mood, "mood");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(message, "message");
        history = List.copyOf(history);
        Objects.requireNonNull(emotion, "emotion");
    }

    /** The last {@link Turn#CONTEXT_TURNS} complete turns of the history, oldest first. */
    public List<Turn> contextTurns() {
        List<Turn> complete = history.stream().filter(Turn::isComplete).toList();
        return complete.subList(Math.max(0, complete.size() - Turn.CONTEXT_TURNS), complete.size());
    }
}
