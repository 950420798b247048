package jp.homebiyori.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A message as the safety step reads it: the normalized text, its morphemes (Kuromoji), its sentences
 * of morphemes, and two kana streams — the text itself in katakana (what a parent typed in kana) and
 * the morphemes' readings joined (what was typed in kanji, whatever the spelling) — in which
 * inflections and kana spellings of one phrase look the same (死にたくて, しにたくて → シニタク).
 */
final class SafetyText {

    /** Small kana typed for effect (しにたぃ) read as their full-size letters; long-vowel marks dropped. */
    private static final Pattern QUOTES = Pattern.compile("[「」『』\"“”‘’()（）【】]");
    private static final String SMALL_VOWELS = "ァィゥェォ";
    private static final Pattern STRETCH = Pattern.compile("[ー〜~]+");

    final String text;
    final List<Morpheme> morphemes;
    final List<List<Morpheme>> sentences;
    /** The typed text in katakana, stretched letters and small kana evened out. */
    final String typedKana;
    /** The morphemes' readings joined: 死にたい, 氏にたい and しにたい all read シニタイ. */
    final String readKana;

    SafetyText(String message) {
        // quotation marks dropped: 「出ていったら殺す」って言われた reads as 殺すって言われた
        this.text = QUOTES.matcher(Texts.normalize(message)).replaceAll("");
        this.morphemes = Morphology.analyze(text);
        this.sentences = splitSentences(morphemes);
        this.typedKana = evenKana(Texts.toKatakana(text));
        StringBuilder reading = new StringBuilder();
        for (Morpheme m : morphemes) {
            reading.append(m.kana());
        }
        this.readKana = evenKana(reading.toString());
    }

    /**
     * Small vowels as full-size ones (しにたぃ → シニタイ; loanwords change too, ティ → テイ, which no
     * pattern here spells) and stretch marks dropped (しにたーい → シニタイ).
     */
    private static String evenKana(String kana) {
        String even = STRETCH.matcher(kana).replaceAll("");
        StringBuilder out = new StringBuilder(even.length());
        for (int i = 0; i < even.length(); i++) {
            char c = even.charAt(i);
            out.append(SMALL_VOWELS.indexOf(c) >= 0 ? (char) (c + 1) : c);
        }
        return out.toString();
    }

    private static List<List<Morpheme>> splitSentences(List<Morpheme> morphemes) {
        List<List<Morpheme>> sentences = new ArrayList<>();
        List<Morpheme> current = new ArrayList<>();
        for (Morpheme m : morphemes) {
            boolean end = m.partOfSpeech().startsWith("記号-句点") || m.surface().matches("[。.!?\\n]+");
            if (end) {
                if (!current.isEmpty()) {
                    sentences.add(current);
                }
                current = new ArrayList<>();
            } else if (!m.surface().isBlank()) {
                current.add(m);
            }
        }
        if (!current.isEmpty()) {
            sentences.add(current);
        }
        return sentences;
    }

    boolean textHas(Pattern pattern) {
        return pattern.matcher(text).find();
    }

    boolean kanaHas(Pattern pattern) {
        return pattern.matcher(typedKana).find() || pattern.matcher(readKana).find();
    }

    // --- morpheme helpers -------------------------------------------------------------------------

    static boolean base(Morpheme m, Set<String> forms) {
        return forms.contains(m.baseForm()) || forms.contains(m.surface());
    }

    /** The index of the first morpheme after {@code from} (within {@code window}) that satisfies {@code test}, or -1. */
    static int next(List<Morpheme> s, int from, int window, Predicate<Morpheme> test) {
        for (int j = from + 1; j < s.size() && j <= from + window; j++) {
            if (test.test(s.get(j))) {
                return j;
            }
        }
        return -1;
    }

    /** Whether some morpheme of the sentence satisfies {@code test}. */
    static boolean any(List<Morpheme> s, Predicate<Morpheme> test) {
        return s.stream().anyMatch(test);
    }

    static Predicate<Morpheme> is(String... forms) {
        Set<String> set = Set.of(forms);
        return m -> base(m, set);
    }

    /** The sentence's text (normalized) from its first to its last morpheme. */
    String textOf(List<Morpheme> s) {
        return s.isEmpty() ? "" : text.substring(s.get(0).start(), s.get(s.size() - 1).end());
    }
}
