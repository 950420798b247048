package jp.homebiyori.ai;

import jp.homebiyori.domain.character.AiCharacter;
import jp.homebiyori.domain.character.Emotion;
import jp.homebiyori.domain.character.Mood;
import jp.homebiyori.domain.character.PraiseLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The offline generator for every character × mood × level: length, rules, voice, determinism, variety. */
class OfflineReplyGeneratorTest {

    private static final List<String> MESSAGES = List.of(
            "今日は子どもと公園で遊んで、本当に楽しかった！",
            "夜泣きが続いていて、もうくたくたです。",
            "初めて離乳食を完食してくれた。頑張って作ってよかった。",
            "保育園の準備がちゃんとできているか不安で眠れない。",
            "子どもに強く言いすぎて、悲しくて涙が出た。",
            "仕事から帰って、洗濯と夕飯とお風呂を全部こなした。",
            "特に何もない一日だったけど、書いておこうと思う。",
            "朝から雨で、子どもと家で絵本を読んでいた。",
            "上の子が下の子にお菓子を分けてあげていた。",
            "ワンオペで寝かしつけまで終わった、しんどい。",
            "今日はちゃんとお弁当を作れた、やった！",
            "義実家に行ってきて、気を使って疲れた。");

    private final OfflineReplyGenerator generator = new OfflineReplyGenerator();
    private final EmotionAnalyzer analyzer = new EmotionAnalyzer();

    static Stream<Arguments> combinations() {
        return Arrays.stream(AiCharacter.values()).flatMap(c -> Arrays.stream(Mood.values())
                .flatMap(m -> Arrays.stream(PraiseLevel.values()).map(l -> Arguments.of(c, m, l))));
    }

    private String reply(AiCharacter character, Mood mood, PraiseLevel level, String message) {
        ReplyRequest request = new ReplyRequest(character, mood, level, message, List.of(),
                analyzer.analyze(message).primary());
        GeneratedReply reply = generator.generate(request);
        assertThat(reply.source()).isEqualTo(ReplySource.OFFLINE);
        return reply.text();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("combinations")
    void reply_hasTheLevelsSentenceCount_andNoAdviceOrComparison(AiCharacter character, Mood mood, PraiseLevel level) {
        Set<Integer> counts = new HashSet<>();
        for (String message : MESSAGES) {
            String text = reply(character, mood, level, message);
            int sentences = ReplyRules.sentences(text);
            assertThat(sentences).as(text).isBetween(level.minSentences(), level.maxSentences());
            assertThat(text).matches("(?s).*[。！]");
            ReplyRules.assertNoAdviceOrComparison(text);
            counts.add(sentences);
        }
        assertThat(counts).as("both lengths of the range occur").hasSize(2);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("combinations")
    void reply_speaksInTheCharactersVoice(AiCharacter character, Mood mood, PraiseLevel level) {
        for (String message : MESSAGES) {
            String text = reply(character, mood, level, message);
            switch (character) {
                case TAMA -> assertThat(text).contains("大丈夫").doesNotContain("わし", "あなた", "おまえさん");
                case MADOKA -> assertThat(text).contains("あなた").doesNotContain("あたし", "わし", "あんた", "おまえさん");
                case HIDE -> assertThat(text).contains("夜").doesNotContain("あたし", "あなた", "あんた");
            }
        }
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("combinations")
    void reply_isDeterministic_andVariesWithTheMessage(AiCharacter character, Mood mood, PraiseLevel level) {
        Set<String> distinct = new HashSet<>();
        for (String message : MESSAGES) {
            String first = reply(character, mood, level, message);
            assertThat(reply(character, mood, level, message)).isEqualTo(first);
            distinct.add(first);
        }
        assertThat(distinct).as("different messages, different replies").hasSizeGreaterThanOrEqualTo(MESSAGES.size() - 2);
    }

    @ParameterizedTest
    @EnumSource(AiCharacter.class)
    void reply_opensByAcknowledgingTheDetectedEmotion(AiCharacter character) {
        OfflineVoice voice = OfflineReplyGenerator.voice(character);
        for (Emotion emotion : Emotion.values()) {
            ReplyRequest request = new ReplyRequest(character, Mood.LISTEN, PraiseLevel.NORMAL, "今日のこと",
                    List.of(), Optional.of(emotion));
            String text = generator.generate(request).text();
            assertThat(voice.openings().get(emotion)).anySatisfy(opening -> assertThat(text).startsWith(opening));
        }
        String neutral = generator.generate(new ReplyRequest(character, Mood.LISTEN, PraiseLevel.NORMAL, "今日のこと",
                List.of(), Optional.empty())).text();
        assertThat(voice.neutralOpenings()).anySatisfy(opening -> assertThat(neutral).startsWith(opening));
    }

    @Test
    void analysedFatigue_isAcknowledgedInTheReply() {
        String text = reply(AiCharacter.TAMA, Mood.PRAISE, PraiseLevel.NORMAL, "夜泣きが続いていて、もうくたくたです。");
        assertThat(TamaVoice.VOICE.openings().get(Emotion.FATIGUE)).anySatisfy(o -> assertThat(text).startsWith(o));
    }

    @ParameterizedTest
    @EnumSource(AiCharacter.class)
    void everyPhrase_isOneSentence_withoutAdviceOrComparison(AiCharacter character) {
        OfflineReplyGenerator.voice(character).allPhrases().forEach(phrase -> {
            assertThat(ReplyRules.sentences(phrase)).as(phrase).isEqualTo(1);
            assertThat(phrase).matches("(?s).*[。！]");
            ReplyRules.assertNoAdviceOrComparison(phrase);
        });
    }

    @Test
    void praiseAndListen_endDifferently() {
        String message = "今日は子どもと公園で遊んで、本当に楽しかった！";
        for (AiCharacter character : AiCharacter.values()) {
            OfflineVoice voice = OfflineReplyGenerator.voice(character);
            String praise = reply(character, Mood.PRAISE, PraiseLevel.NORMAL, message);
            String listen = reply(character, Mood.LISTEN, PraiseLevel.NORMAL, message);
            assertThat(voice.closings().get(Mood.PRAISE)).anySatisfy(c -> assertThat(praise).endsWith(c));
            assertThat(voice.closings().get(Mood.LISTEN)).anySatisfy(c -> assertThat(listen).endsWith(c));
        }
    }
}
