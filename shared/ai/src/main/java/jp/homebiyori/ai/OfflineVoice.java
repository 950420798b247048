package jp.homebiyori.ai;

import jp.homebiyori.domain.character.Emotion;
import jp.homebiyori.domain.character.Mood;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One character's phrase bank for the offline generator. Every phrase is exactly one sentence. A
 * reply is: an opening that acknowledges the emotion, body lines of the mood, deep lines (deep level
 * only) and a closing of the mood that carries the character's signature.
 */
record OfflineVoice(Map<Emotion, List<String>> openings, List<String> neutralOpenings, Map<Mood, List<String>> bodies,
                    Map<Mood, List<String>> deepLines, Map<Mood, List<String>> closings) {

    OfflineVoice {
        openings = Map.copyOf(openings);
        neutralOpenings = List.copyOf(neutralOpenings);
        bodies = Map.copyOf(bodies);
        deepLines = Map.copyOf(deepLines);
        closings = Map.copyOf(closings);
    }

    List<String> opening(Optional<Emotion> emotion) {
        return emotion.map(openings::get).orElse(neutralOpenings);
    }

    /** Every phrase of the bank, for the checks in the tests. */
    Stream<String> allPhrases() {
        return Stream.of(openings.values().stream().flatMap(List::stream), neutralOpenings.stream(),
                        bodies.values().stream().flatMap(List::stream), deepLines.values().stream().flatMap(List::stream),
                        closings.values().stream().flatMap(List::stream))
                .flatMap(s -> s);
    }

    /** Builds the per-emotion openings in the enum order JOY, SADNESS, FATIGUE, ACCOMPLISHMENT, WORRY. */
    static Map<Emotion, List<String>> openings(List<String> joy, List<String> sadness, List<String> fatigue,
                                               List<String> accomplishment, List<String> worry) {
        Map<Emotion, List<String>> map = new EnumMap<>(Emotion.class);
        map.put(Emotion.JOY, joy);
        map.put(Emotion.SADNESS, sadness);
        map.put(Emotion.FATIGUE, fatigue);
        map.put(Emotion.ACCOMPLISHMENT, accomplishment);
        map.put(Emotion.WORRY, worry);
        return map;
    }

    static Map<Mood, List<String>> byMood(List<String> praise, List<String> listen) {
        return Map.of(Mood.PRAISE, praise, Mood.LISTEN, listen);
    }
}
