package jp.homebiyori.ai;

import jp.homebiyori.domain.character.Emotion;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the five emotions of domain.md in a message and scores it. Deterministic: keywords over the
 * normalized text, each occurrence checked against the message's morphemes for negation
 * ({@link Negation}: 全然楽しくなかった is not joy, 心配じゃない is not worry).
 *
 * <ul>
 *   <li>intensity (1–5): 1 without any emotion keyword; otherwise 1 + distinct keyword hits (at most
 *       3), +1 for an intensifier (すごく, とても, 本当に …), +1 for an exclamation mark.</li>
 *   <li>depth (1–5): 1, +1 from 20 characters, +1 from 50 characters, +1 for two or more different
 *       sentences, +1 for a reflective word (気持ち, 思う, 感じ, 自分 …).</li>
 *   <li>fruitWorthy: intensity ≥ 3, depth ≥ 3 and at least 20 characters (code points, trimmed).</li>
 * </ul>
 * Ties between emotions go to the one the message ends on (疲れたけど楽しかった is joy, 嬉しいけど不安 is
 * worry — what follows けど carries the weight), then to the heavier feeling (sadness, worry, fatigue,
 * accomplishment, joy), so a reply acknowledges what weighs most.
 */
public final class EmotionAnalyzer {

    private static final List<Emotion> TIE_ORDER =
            List.of(Emotion.SADNESS, Emotion.WORRY, Emotion.FATIGUE, Emotion.ACCOMPLISHMENT, Emotion.JOY);

    public EmotionAnalysis analyze(String message) {
        String text = Texts.normalize(message);
        List<Morpheme> morphemes = Morphology.analyze(message);
        Map<Emotion, Integer> hits = new EnumMap<>(Emotion.class);
        Map<Emotion, Integer> last = new EnumMap<>(Emotion.class);
        EmotionLexicon.KEYWORDS.forEach((emotion, patterns) -> {
            int count = EmotionLexicon.affirmedHits(patterns, text, morphemes);
            if (count > 0) {
                hits.put(emotion, count);
                last.put(emotion, EmotionLexicon.lastAffirmed(patterns, text, morphemes));
            }
        });
        List<Emotion> detected = hits.keySet().stream()
                .sorted(Comparator.comparing((Emotion e) -> -hits.get(e))
                        .thenComparing((Emotion e) -> -last.get(e))
                        .thenComparing(TIE_ORDER::indexOf))
                .toList();
        int total = hits.values().stream().mapToInt(Integer::intValue).sum();
        int intensity = intensity(text, total);
        int depth = depth(message, text);
        boolean fruitWorthy = intensity >= EmotionAnalysis.FRUIT_MIN_INTENSITY
                && depth >= EmotionAnalysis.FRUIT_MIN_DEPTH
                && Texts.length(message) >= EmotionAnalysis.FRUIT_MIN_LENGTH;
        Optional<Emotion> primary = detected.stream().findFirst();
        return new EmotionAnalysis(primary, detected, intensity, depth, fruitWorthy);
    }

    private static int intensity(String text, int keywordHits) {
        if (keywordHits == 0) {
            return 1;
        }
        int score = 1 + Math.min(keywordHits, 3);
        if (EmotionLexicon.distinctHits(EmotionLexicon.INTENSIFIERS, text) > 0) {
            score++;
        }
        if (text.indexOf('!') >= 0) {
            score++;
        }
        return Math.min(score, 5);
    }

    private static int depth(String message, String text) {
        int length = Texts.length(message);
        int score = 1;
        if (length >= 20) {
            score++;
        }
        if (length >= 50) {
            score++;
        }
        if (Texts.sentences(text).stream().distinct().count() >= 2) {
            score++;
        }
        if (EmotionLexicon.distinctHits(EmotionLexicon.REFLECTIVE, text) > 0) {
            score++;
        }
        return Math.min(score, 5);
    }
}
