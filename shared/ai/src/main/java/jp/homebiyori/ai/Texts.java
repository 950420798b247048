package jp.homebiyori.ai;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text measures shared by the safety step, the emotion analysis and the generators. */
public final class Texts {

    private static final Pattern SENTENCE_END = Pattern.compile("[。．！？!?\\n]+");
    private static final Pattern TERMINATOR_RUN = Pattern.compile("[。！？!?]+");

    private Texts() {
    }

    /** NFKC (full-width ASCII and ！？ become half-width) and lower case, for keyword matching. */
    public static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** Hiragana as katakana (ぁ–ゖ → ァ–ヶ); everything else unchanged. */
    public static String toKatakana(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c >= '\u3041' && c <= '\u3096' ? (char) (c + 0x60) : c);
        }
        return out.toString();
    }

    /** The length the fruit rule uses: code points after trimming. */
    public static int length(String text) {
        String trimmed = text.strip();
        return trimmed.codePointCount(0, trimmed.length());
    }

    /** The non-blank sentences of a message, split at 。！？!? and line breaks. */
    public static List<String> sentences(String text) {
        return Arrays.stream(SENTENCE_END.split(text)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The sentences of a reply, counted by their 。！？!? terminators (a run such as "！？" is one). */
    public static int countTerminatedSentences(String reply) {
        return (int) TERMINATOR_RUN.matcher(reply).results().count();
    }
}
