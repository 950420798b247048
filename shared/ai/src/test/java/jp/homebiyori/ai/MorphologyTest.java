package jp.homebiyori.ai;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MorphologyTest {

    private static List<String> baseForms(String text) {
        return Morphology.analyze(text).stream().map(Morpheme::baseForm).toList();
    }

    @Test
    void inflectedWords_readAsTheirDictionaryForms() {
        assertThat(baseForms("死にたくてたまらない")).startsWith("死ぬ", "たい");
        assertThat(baseForms("疲れた")).startsWith("疲れる");
        assertThat(baseForms("全然楽しくなかった")).containsSubsequence("楽しい", "ない");
    }

    @Test
    void theVoiceOfAVerb_isVisible_activeAgainstPassive() {
        List<Morpheme> active = Morphology.analyze("子どもを叩いてしまった");
        List<Morpheme> passive = Morphology.analyze("子どもに叩かれた");
        assertThat(active).extracting(Morpheme::baseForm).containsSubsequence("子ども", "を", "叩く")
                .doesNotContain("れる");
        assertThat(passive).extracting(Morpheme::baseForm).containsSubsequence("子ども", "に", "叩く", "れる");
    }

    @Test
    void fullWidthAndHalfWidthText_isNormalizedFirst() {
        assertThat(String.join("", Morphology.analyze("ｼﾆﾀｲ").stream().map(Morpheme::surface).toList())).isEqualTo("シニタイ");
        assertThat(Morphology.analyze("ＤＶ")).extracting(Morpheme::surface).containsExactly("dv");
    }
}
