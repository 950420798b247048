package jp.homebiyori.ai;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The learned second opinion on writing it was not trained on: leave one author out, train on the others,
 * and see what the model alone adds on the author left out — the way {@link SafetyModel#MARGIN} was chosen.
 */
class SafetyModelTest {

    static List<List<SafetyEvaluationTest.Example>> byAuthor() throws IOException {
        List<SafetyEvaluationTest.Example> first = new ArrayList<>(SafetyEvaluationTest.load("safety-tuning.tsv"));
        first.addAll(SafetyEvaluationTest.load("safety-tuning-2.tsv"));
        return List.of(first, SafetyEvaluationTest.load("safety-tuning-3.tsv"), SafetyEvaluationTest.load("safety-tuning-4.tsv"));
    }

    @Test
    void onAnAuthorItWasNotTrainedOn_itFindsCrises_andRaisesFewFalseAlarms() throws IOException {
        List<List<SafetyEvaluationTest.Example>> authors = byAuthor();
        int crises = 0;
        int found = 0;
        int ordinary = 0;
        int alarms = 0;
        for (int left = 0; left < authors.size(); left++) {
            List<String[]> training = new ArrayList<>();
            for (int a = 0; a < authors.size(); a++) {
                if (a != left) {
                    authors.get(a).forEach(e -> training.add(new String[]{e.label(), e.message()}));
                }
            }
            SafetyModel model = SafetyModel.trainedOn(training);
            for (SafetyEvaluationTest.Example e : authors.get(left)) {
                Optional<SafetyCategory> crisis = model.crisis(e.message());
                Optional<SafetyCategory> expected = SafetyEvaluationTest.LABELS.get(e.label());
                if (e.label().equals("none")) {
                    ordinary++;
                    alarms += crisis.isPresent() ? 1 : 0;
                } else if (expected.isPresent() && expected.get().ordinal() <= SafetyCategory.DOMESTIC_VIOLENCE.ordinal()) {
                    crises++;
                    found += crisis.equals(expected) ? 1 : 0;
                }
            }
        }
        double recall = (double) found / crises;
        double falseAlarms = (double) alarms / ordinary;
        System.out.printf("safety model, leave one author out: crisis recall %.3f (%d/%d), false alarms %.3f (%d/%d)%n",
                recall, found, crises, falseAlarms, alarms, ordinary);
        // measured when the margin was chosen: 0.566 and 0.012
        assertThat(recall).isGreaterThanOrEqualTo(0.52);
        assertThat(falseAlarms).isLessThanOrEqualTo(0.02);
    }

    @Test
    void itOnlyEverNamesACrisis_neverAMedicalQuestionOrALifeEvent() {
        SafetyModel model = SafetyModel.get();
        for (String message : List.of("熱が39度あるけど病院行くべき?", "先月離婚しました", "今日は公園に行けた", "もう消えたい", "夫に殴られた")) {
            model.crisis(message).ifPresent(c -> assertThat(c.ordinal()).isLessThanOrEqualTo(SafetyCategory.DOMESTIC_VIOLENCE.ordinal()));
        }
        assertThat(model.crisis("熱が39度あるけど病院行くべき?")).isEmpty();
        assertThat(model.crisis("今日は公園に行けた、楽しかった")).isEmpty();
    }
}
