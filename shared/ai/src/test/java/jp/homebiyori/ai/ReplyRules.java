package jp.homebiyori.ai;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The reply rules of domain.md as checks the tests share (counted independently of the main code). */
final class ReplyRules {

    /** Advice, instructions and improvement tips. */
    static final List<String> ADVICE = List.of("したほうが", "した方が", "すべき", "しましょう", "ましょう", "してみて",
            "てみて", "アドバイス", "なさい", "してね", "しないで", "するといい", "とよい");

    /** Comparisons with others or with the user's past. */
    static final List<String> COMPARISON = List.of("他の人", "ほかの人", "他のお母さん", "他のママ", "前より", "以前より",
            "みんな", "比べ", "人より");

    private static final Pattern SENTENCE = Pattern.compile("[。！？!?]+");

    private ReplyRules() {
    }

    static int sentences(String reply) {
        return (int) SENTENCE.matcher(reply).results().count();
    }

    static void assertNoAdviceOrComparison(String reply) {
        assertThat(reply).as("no advice: %s", reply).doesNotContain(ADVICE.toArray(String[]::new));
        assertThat(reply).as("no comparison: %s", reply).doesNotContain(COMPARISON.toArray(String[]::new));
    }
}
