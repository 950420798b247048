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
 * reply is: an opening that acknowledges the emotion, body lines of the mood — or, when the message
 * names what the parent did ({@link DeedFinder}), a deed line of the mood that names it — deep lines
 * (deep level only) and a closing of the mood that carries the character's signature.
 *
 * <p>Deed lines are templates: a praise line holds {@value #ACT} (the deed in our own words,
 * {@link Deed#act()}: 公園に行けた), a listen line holds {@value #DEED} (the noun phrase alone: 公園), since
 * listening accepts and does not judge what was done.
 */
record OfflineVoice(Map<Emotion, List<String>> openings, List<String> neutralOpenings, Map<Mood, List<String>> bodies,
                    Map<Mood, List<String>> deedLines, Map<Mood, List<String>> deepLines,
                    Map<Mood, List<String>> closings) {

    static final String ACT = "{act}";
    static final String DEED = "{deed}";

    OfflineVoice {
        openings = Map.copyOf(openings);
        neutralOpenings = List.copyOf(neutralOpenings);
        bodies = Map.copyOf(bodies);
        deedLines = Map.copyOf(deedLines);
        deepLines = Map.copyOf(deepLines);
        closings = Map.copyOf(closings);
        for (Mood mood : Mood.values()) {
            String placeholder = placeholder(mood);
            if (deedLines.get(mood).isEmpty()
                    || !deedLines.get(mood).stream().allMatch(line -> line.startsWith(placeholder))) {
                throw new IllegalArgumentException("every " + mood.id() + " deed line begins with " + placeholder);
            }
        }
    }

    List<String> opening(Optional<Emotion> emotion) {
        return emotion.map(openings::get).orElse(neutralOpenings);
    }

    /** The deed line {@code template} (one of {@link #deedLines}) with the deed put in. */
    static String fill(String template, Mood mood, Deed deed) {
        return template.replace(placeholder(mood), mood == Mood.PRAISE ? deed.act() : deed.phrase());
    }

    private static String placeholder(Mood mood) {
        return mood == Mood.PRAISE ? ACT : DEED;
    }

    /** Every phrase of the bank, for the checks in the tests. */
    Stream<String> allPhrases() {
        return Stream.of(openings.values().stream().flatMap(List::stream), neutralOpenings.stream(),
                        bodies.values().stream().flatMap(List::stream), deedLines.values().stream().flatMap(List::stream),
                        deepLines.values().stream().flatMap(List::stream),
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
