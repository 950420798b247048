package jp.homebiyori.ai;

import jp.homebiyori.domain.character.Emotion;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emotion analysis judged on a labelled set ({@code src/test/resources/evaluation/emotions.tsv}):
 * the primary emotion a careful reader would choose (or none), and emotions that must not be read at all
 * — mostly negations (全然楽しくなかった is not joy; 心配じゃない is not worry; 楽しくないわけじゃない is joy again).
 */
class EmotionEvaluationTest {

    /** Negated emotions are never read: a parent who says 楽しくなかった is not told how happy they sound. */
    static final double NEGATION_FLOOR = 0.95;
    static final double PRIMARY_FLOOR = 0.85;

    record Line(String message, Optional<Emotion> expected, Set<Emotion> not) {
    }

    static List<Line> load() throws IOException {
        try (InputStream in = EmotionEvaluationTest.class.getResourceAsStream("/evaluation/emotions.tsv")) {
            assertThat(in).isNotNull();
            List<Line> lines = new ArrayList<>();
            String[] rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < rows.length; i++) {
                if (rows[i].isBlank() || rows[i].startsWith("#")) {
                    continue;
                }
                String[] f = rows[i].split("\t", -1);
                assertThat(f.length).as(rows[i]).isGreaterThanOrEqualTo(2);
                Optional<Emotion> expected = f[1].strip().equals("none") ? Optional.empty() : Optional.of(emotion(f[1]));
                Set<Emotion> not = f.length < 3 || f[2].isBlank() ? Set.of()
                        : Arrays.stream(f[2].split(",")).map(EmotionEvaluationTest::emotion).collect(Collectors.toSet());
                lines.add(new Line(f[0].strip(), expected, not));
            }
            return lines;
        }
    }

    private static Emotion emotion(String id) {
        return Emotion.valueOf(id.strip().toUpperCase(Locale.ROOT));
    }

    @Test
    void negatedEmotionsAreNotRead_andThePrimaryIsWhatAReaderWouldSay() throws IOException {
        EmotionAnalyzer analyzer = new EmotionAnalyzer();
        List<Line> lines = load();
        int primaryRight = 0;
        int negations = 0;
        int negationsRight = 0;
        List<String> misses = new ArrayList<>();
        for (Line line : lines) {
            EmotionAnalysis analysis = analyzer.analyze(line.message());
            if (analysis.primary().equals(line.expected())) {
                primaryRight++;
            } else {
                misses.add("primary " + analysis.primary().map(Emotion::name).orElse("none") + " (expected "
                        + line.expected().map(Emotion::name).orElse("none") + "): " + line.message());
            }
            if (!line.not().isEmpty()) {
                negations++;
                if (analysis.detected().stream().noneMatch(line.not()::contains)) {
                    negationsRight++;
                } else {
                    misses.add("read " + analysis.detected() + " (must not read " + line.not() + "): " + line.message());
                }
            }
        }
        double primary = (double) primaryRight / lines.size();
        double negation = (double) negationsRight / negations;
        String report = String.format("emotion evaluation: primary %.3f (%d/%d), not-read %.3f (%d/%d)%n  %s", primary, primaryRight,
                lines.size(), negation, negationsRight, negations, String.join("\n  ", misses));
        System.out.println(report);
        assertThat(lines).hasSizeGreaterThanOrEqualTo(100);
        assertThat(negation).as(report).isGreaterThanOrEqualTo(NEGATION_FLOOR);
        assertThat(primary).as(report).isGreaterThanOrEqualTo(PRIMARY_FLOOR);
    }
}
