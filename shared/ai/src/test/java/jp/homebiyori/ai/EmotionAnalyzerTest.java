package jp.homebiyori.ai;

import jp.homebiyori.domain.character.Emotion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Emotion detection from domain.md's seeds, the 1–5 scores, and the fruit rule's edges. */
class EmotionAnalyzerTest {

    private final EmotionAnalyzer analyzer = new EmotionAnalyzer();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "嬉しい, JOY", "楽しい, JOY", "良かった, JOY", "ありがとう, JOY",
            "疲れ, FATIGUE", "つかれ, FATIGUE", "しんどい, FATIGUE", "きつい, FATIGUE",
            "頑張った, ACCOMPLISHMENT", "できた, ACCOMPLISHMENT", "やった, ACCOMPLISHMENT", "成功, ACCOMPLISHMENT",
            "不安, WORRY", "心配, WORRY", "大丈夫かな, WORRY", "どうしよう, WORRY",
            "悲しい, SADNESS", "辛い, SADNESS", "涙, SADNESS", "泣き, SADNESS",
            "I'm so tired tonight, FATIGUE", "I was so happy, JOY", "I feel lonely, SADNESS"})
    void eachSeed_detectsItsEmotion(String seed, Emotion expected) {
        EmotionAnalysis analysis = analyzer.analyze("今日は" + seed + "。");
        assertThat(analysis.primary()).contains(expected);
        assertThat(analysis.detected()).containsExactly(expected);
    }

    @Test
    void noKeyword_noEmotion_andLowestIntensity() {
        EmotionAnalysis analysis = analyzer.analyze("朝から雨で、家で絵本を読んでいた。");
        assertThat(analysis.primary()).isEmpty();
        assertThat(analysis.detected()).isEmpty();
        assertThat(analysis.intensity()).isEqualTo(1);
        assertThat(analysis.fruitWorthy()).isFalse();
    }

    @Test
    void nightCrying_isFatigue_notSadness() {
        assertThat(analyzer.analyze("夜泣き").detected()).containsExactly(Emotion.FATIGUE);
    }

    @Test
    void severalEmotions_strongestFirst_tiesToTheHeavierFeeling() {
        assertThat(analyzer.analyze("嬉しいけど不安").detected()).containsExactly(Emotion.WORRY, Emotion.JOY);
        assertThat(analyzer.analyze("嬉しいし楽しいけど、少し不安").detected()).containsExactly(Emotion.JOY, Emotion.WORRY);
    }

    @Test
    void intensity_growsWithKeywordsIntensifiersAndExclamations() {
        assertThat(analyzer.analyze("疲れた").intensity()).isEqualTo(2);
        assertThat(analyzer.analyze("本当に疲れた").intensity()).isEqualTo(3);
        assertThat(analyzer.analyze("本当に疲れた！").intensity()).isEqualTo(4);
        assertThat(analyzer.analyze("本当に疲れたし、しんどいし、不安で悲しい！！").intensity()).isEqualTo(5);
        assertThat(analyzer.analyze("疲れた疲れた疲れた疲れた").intensity()).as("repetition adds nothing").isEqualTo(2);
    }

    @Test
    void depth_growsWithLengthSentencesAndReflection() {
        assertThat(analyzer.analyze("疲れた").depth()).isEqualTo(1);
        assertThat(analyzer.analyze("今日は公園まで歩いて帰りに買い物もしてきた").depth()).isEqualTo(2);
        assertThat(analyzer.analyze("今日は公園まで歩いた。帰りに買い物もしてきた。").depth()).isEqualTo(3);
        assertThat(analyzer.analyze("今日は公園まで歩いた。帰りに買い物もしてきて、自分のことを少しだけほめたい気持ちになった。"
                + "寝かしつけのあと、ゆっくりお茶を飲みながら一日を振り返った。").depth()).isEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "!", "あ", "ありがとう！！！！！！！！！！",
            "嬉しい楽しい良かったありがとう疲れしんどい頑張ったできた不安心配悲しい涙、本当にすごくとても！！！"
                    + "自分の気持ちを思う。感じる。考える。振り返る。長い長い長い長い長い長い長い長い長い長い文章。"})
    void scores_stayWithinOneToFive(String message) {
        EmotionAnalysis analysis = analyzer.analyze(message);
        assertThat(analysis.intensity()).isBetween(1, 5);
        assertThat(analysis.depth()).isBetween(1, 5);
    }

    @Test
    void fruit_needs20Characters_19IsNotEnough() {
        String nineteen = "今日は本当に疲れた。でも自分をほめたい";
        String twenty = "今日は本当に疲れた。でも自分をほめたいな";
        assertThat(Texts.length(nineteen)).isEqualTo(19);
        assertThat(Texts.length(twenty)).isEqualTo(20);

        EmotionAnalysis short19 = analyzer.analyze(nineteen);
        assertThat(short19.intensity()).isGreaterThanOrEqualTo(3);
        assertThat(short19.depth()).isGreaterThanOrEqualTo(3);
        assertThat(short19.fruitWorthy()).isFalse();
        assertThat(analyzer.analyze(twenty).fruitWorthy()).isTrue();
        assertThat(analyzer.analyze("  " + nineteen + "\n ").fruitWorthy()).as("length is taken after trimming").isFalse();
    }

    @Test
    void fruit_needsIntensity3_2IsNotEnough() {
        EmotionAnalysis two = analyzer.analyze("今日は公園まで歩いて、帰りに少し疲れたと感じた。夕飯は家族で食べた。");
        EmotionAnalysis three = analyzer.analyze("今日は公園まで歩いて、帰りに本当に疲れたと感じた。夕飯は家族で食べた。");
        assertThat(two.intensity()).isEqualTo(2);
        assertThat(two.depth()).isGreaterThanOrEqualTo(3);
        assertThat(two.fruitWorthy()).isFalse();
        assertThat(three.intensity()).isEqualTo(3);
        assertThat(three.fruitWorthy()).isTrue();
    }

    @Test
    void fruit_needsDepth3_2IsNotEnough() {
        EmotionAnalysis two = analyzer.analyze("今日は公園まで歩いて本当に疲れたし、夕飯も作った");
        assertThat(two.intensity()).isGreaterThanOrEqualTo(3);
        assertThat(two.depth()).isEqualTo(2);
        assertThat(two.fruitWorthy()).isFalse();
        assertThat(analyzer.analyze("今日は公園まで歩いて本当に疲れたし、夕飯も作った。えらい。").fruitWorthy()).isTrue();
    }

    @Test
    void aThrowawayOneLiner_neverGrowsAFruit() {
        assertThat(analyzer.analyze("ありがとう！ありがとう！ありがとう！ありがとう！").fruitWorthy()).isFalse();
        assertThat(analyzer.analyze("疲れたああああああああああああああああああ！！").fruitWorthy()).isFalse();
    }

    @Test
    void analysis_isDeterministic() {
        String message = "初めて離乳食を完食してくれた。頑張って作ってよかったと心から思う！";
        assertThat(analyzer.analyze(message)).isEqualTo(analyzer.analyze(message));
        assertThat(analyzer.analyze(message).fruitWorthy()).isTrue();
    }
}
