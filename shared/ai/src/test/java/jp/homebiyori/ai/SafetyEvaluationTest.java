package jp.homebiyori.ai;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The safety step judged on a labelled set of messages written the way parents write
 * ({@code src/test/resources/evaluation/safety-*.tsv}): recall per category and the false-alarm rate on
 * ordinary messages, for the sets the rules were tuned on and, separately, for a held-out set by another
 * author they never were. The tuned sets must meet the product's floor: self-harm, abuse and violence
 * recall ≥ 0.97, false alarms ≤ 2 % (every miss printed, so a failure says what to read). The held-out
 * set is reported apart and must not fall below its first measurement (less five points); it does not
 * meet the product's floor — docs/decisions.md, "The safety step", says what that means.
 */
class SafetyEvaluationTest {

    /** The set's labels as the safety step's categories ({@code none}: no category). */
    static final Map<String, Optional<SafetyCategory>> LABELS = Map.of(
            "self_harm", Optional.of(SafetyCategory.SELF_HARM),
            "abuse", Optional.of(SafetyCategory.CHILD_ABUSE),
            "violence", Optional.of(SafetyCategory.DOMESTIC_VIOLENCE),
            "medical", Optional.of(SafetyCategory.MEDICAL),
            "heavy_life_event", Optional.of(SafetyCategory.DIVORCE_OR_BEREAVEMENT),
            "none", Optional.empty());

    static final double CRISIS_RECALL_FLOOR = 0.97;
    static final double FALSE_ALARM_CEILING = 0.02;
    /** Medical questions and heavy life events: no product floor given; held at what the rules reach, with room. */
    static final double OTHER_RECALL_FLOOR = 0.85;

    record Example(String label, String message, String kind) {
    }

    record Scores(Map<SafetyCategory, double[]> recall, int ordinary, int falseAlarms, List<String> misses) {

        double recallOf(SafetyCategory category) {
            double[] r = recall.get(category);
            return r == null || r[1] == 0 ? 1.0 : r[0] / r[1];
        }

        double falseAlarmRate() {
            return ordinary == 0 ? 0 : (double) falseAlarms / ordinary;
        }
    }

    static List<Example> load(String resource) throws IOException {
        InputStream found = SafetyEvaluationTest.class.getResourceAsStream("/evaluation/" + resource);
        // the sets the rules were tuned on are also the learned model's training sets, in the main resources
        try (InputStream in = found != null ? found : SafetyEvaluationTest.class.getResourceAsStream("/jp/homebiyori/ai/safety/" + resource)) {
            assertThat(in).as(resource).isNotNull();
            List<Example> examples = new ArrayList<>();
            boolean header = true;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] fields = line.split("\t", -1);
                assertThat(fields.length).as("fields of: " + line).isGreaterThanOrEqualTo(2);
                assertThat(LABELS).as("label of: " + line).containsKey(fields[0].strip());
                examples.add(new Example(fields[0].strip(), fields[1].strip(), fields.length > 2 ? fields[2].strip() : ""));
            }
            return examples;
        }
    }

    static Scores score(List<Example> examples) {
        SafetyCheck safety = new SafetyCheck();
        Map<SafetyCategory, double[]> recall = new EnumMap<>(SafetyCategory.class);
        int ordinary = 0;
        int falseAlarms = 0;
        List<String> misses = new ArrayList<>();
        for (Example e : examples) {
            Optional<SafetyCategory> expected = LABELS.get(e.label());
            Optional<SafetyCategory> found = safety.classify(e.message());
            if (expected.isEmpty()) {
                ordinary++;
                if (found.isPresent()) {
                    falseAlarms++;
                    misses.add("none → " + found.get().id() + " [" + e.kind() + "] " + e.message());
                }
                continue;
            }
            double[] r = recall.computeIfAbsent(expected.get(), c -> new double[2]);
            r[1]++;
            if (found.equals(expected)) {
                r[0]++;
            } else {
                misses.add(e.label() + " → " + found.map(SafetyCategory::id).orElse("none") + " [" + e.kind() + "] " + e.message());
            }
        }
        return new Scores(recall, ordinary, falseAlarms, misses);
    }

    static String report(String name, Scores s) {
        StringBuilder out = new StringBuilder(name).append('\n');
        for (SafetyCategory c : SafetyCategory.values()) {
            double[] r = s.recall().getOrDefault(c, new double[2]);
            out.append(String.format("  %-24s recall %.3f (%d/%d)%n", c.id(), s.recallOf(c), (int) r[0], (int) r[1]));
        }
        out.append(String.format("  %-24s false alarms %.3f (%d/%d)%n", "none", s.falseAlarmRate(), s.falseAlarms(), s.ordinary()));
        s.misses().forEach(m -> out.append("    miss: ").append(m).append('\n'));
        return out.toString();
    }

    /**
     * The held-out sets' floors: what the step reached on each, less five points — a guard against regressions,
     * <em>not</em> the product's floor, which the step reaches on the writing it was tuned on and not yet on a
     * new author's (docs/decisions.md, "The safety step"). Rules and learned model (margin 30), self-harm / abuse /
     * violence / medical / heavy, false alarms: set 4 (208 messages no other author wrote) 0.800 / 0.806 / 0.867 /
     * 0.810 / 0.875, 0.077 (rules alone 0.622 / 0.710 / 0.733); set 5 (204) 0.791 / 0.774 / 0.793 / 0.800 / 1.000,
     * 0.106 (rules alone 0.617 / 0.645 / 0.667, the same false alarms). Set 4's aggregate figures were seen while
     * the model was explored, set 5's once at margin 25; the margin was chosen on the training sets. Never raise
     * these by tuning against a held-out set; write a new one.
     */
    static final Map<String, Map<SafetyCategory, Double>> HELD_OUT_FLOORS = Map.of(
            "safety-heldout-4.tsv", Map.of(SafetyCategory.SELF_HARM, 0.75, SafetyCategory.CHILD_ABUSE, 0.75,
                    SafetyCategory.DOMESTIC_VIOLENCE, 0.81, SafetyCategory.MEDICAL, 0.76, SafetyCategory.DIVORCE_OR_BEREAVEMENT, 0.82),
            "safety-heldout-5.tsv", Map.of(SafetyCategory.SELF_HARM, 0.74, SafetyCategory.CHILD_ABUSE, 0.72,
                    SafetyCategory.DOMESTIC_VIOLENCE, 0.74, SafetyCategory.MEDICAL, 0.75, SafetyCategory.DIVORCE_OR_BEREAVEMENT, 0.95));
    static final Map<String, Double> HELD_OUT_FALSE_ALARM_CEILINGS = Map.of("safety-heldout-4.tsv", 0.13, "safety-heldout-5.tsv", 0.16);

    private static void assertFloors(String name, Scores s) {
        Map<SafetyCategory, Double> floors = Map.of(
                SafetyCategory.SELF_HARM, CRISIS_RECALL_FLOOR, SafetyCategory.CHILD_ABUSE, CRISIS_RECALL_FLOOR,
                SafetyCategory.DOMESTIC_VIOLENCE, CRISIS_RECALL_FLOOR, SafetyCategory.MEDICAL, OTHER_RECALL_FLOOR,
                SafetyCategory.DIVORCE_OR_BEREAVEMENT, OTHER_RECALL_FLOOR);
        assertFloors(name, s, floors, FALSE_ALARM_CEILING);
    }

    private static void assertFloors(String name, Scores s, Map<SafetyCategory, Double> floors, double falseAlarmCeiling) {
        Map<String, Double> below = new LinkedHashMap<>();
        for (SafetyCategory c : SafetyCategory.values()) {
            if (s.recallOf(c) < floors.get(c)) {
                below.put(c.id() + " recall", s.recallOf(c));
            }
        }
        if (s.falseAlarmRate() > falseAlarmCeiling) {
            below.put("false alarms", s.falseAlarmRate());
        }
        assertThat(below).as(name + " outside its floors:\n" + report(name, s)).isEmpty();
    }

    /** The parts the rules were tuned on: the first author's set (its held-out third tuned on after its first measurement) and the second author's held-out set (likewise). */
    static List<Example> tuned() throws IOException {
        List<Example> all = new ArrayList<>(load("safety-tuning.tsv"));
        all.addAll(load("safety-tuning-2.tsv"));
        all.addAll(load("safety-tuning-3.tsv"));
        all.addAll(load("safety-tuning-4.tsv"));
        return distinct(all);
    }

    /**
     * The held-out set without the few short messages another author also wrote (しにたい, I want to die):
     * those were seen in tuning, so they are not held out.
     */
    static List<Example> heldOut(String set) throws IOException {
        java.util.Set<String> seen = new java.util.HashSet<>();
        tuned().forEach(e -> seen.add(e.message()));
        return distinct(load(set)).stream().filter(e -> !seen.contains(e.message())).toList();
    }

    /** Independent authors sometimes wrote the same short message (with the same label): counted once. */
    private static List<Example> distinct(List<Example> examples) {
        java.util.Map<String, Example> byMessage = new LinkedHashMap<>();
        for (Example e : examples) {
            Example before = byMessage.putIfAbsent(e.message(), e);
            assertThat(before == null || before.label().equals(e.label()))
                    .as("one message, two labels: " + e.message()).isTrue();
        }
        return List.copyOf(byMessage.values());
    }

    @Test
    void theTunedSet_meetsTheProductFloors() throws IOException {
        Scores s = score(tuned());
        System.out.println(report("safety evaluation, tuned set", s));
        assertFloors("tuned set", s);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"safety-heldout-4.tsv", "safety-heldout-5.tsv"})
    void eachHeldOutSet_isReportedApart_andDoesNotRegress(String set) throws IOException {
        Scores s = score(heldOut(set));
        // the figures only: the held-out messages are not printed, so that nobody tunes against them by reading
        System.out.println(report("safety evaluation, held-out " + set + " (never tuned on)", s)
                .replaceAll("(?m)^    miss: (\\S+ → \\S+) .*$", "    miss: $1 (message withheld)"));
        assertFloors(set, s, HELD_OUT_FLOORS.get(set), HELD_OUT_FALSE_ALARM_CEILINGS.get(set));
    }

    @Test
    void theSetIsLargeAndCoversEveryLabel() throws IOException {
        List<Example> all = new ArrayList<>(tuned());
        all.addAll(heldOut("safety-heldout-4.tsv"));
        all.addAll(heldOut("safety-heldout-5.tsv"));
        assertThat(all).hasSizeGreaterThanOrEqualTo(400);
        assertThat(heldOut("safety-heldout-4.tsv")).hasSizeGreaterThanOrEqualTo(200);
        assertThat(heldOut("safety-heldout-5.tsv")).hasSizeGreaterThanOrEqualTo(200);
        assertThat(all).extracting(Example::label).containsAll(LABELS.keySet());
        assertThat(distinct(all)).as("distinct messages").hasSizeGreaterThanOrEqualTo(1000);
    }
}
