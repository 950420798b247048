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

    /** Messages with a deed, and the phrase each reply must name. */
    private static final List<List<String>> DEED_MESSAGES = List.of(
            List.of("今日は公園に行けた", "公園"),
            List.of("離乳食を作った", "離乳食"),
            List.of("お風呂に入れられた", "お風呂"),
            List.of("寝かしつけに2時間かかった", "寝かしつけ"),
            List.of("保育園の送り迎え、全部やった", "保育園の送り迎え"),
            List.of("ｵﾑﾂ替え頑張った💪", "オムツ替え"),
            List.of("ママ友とランチに行きました😊", "ランチ"),
            List.of("仕事から帰って、洗濯と夕飯とお風呂を全部こなした。", "洗濯と夕飯とお風呂"));

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("combinations")
    void aDeed_isNamedInTheSecondSentence_inTheVoice_withinTheLevelsLength(AiCharacter character, Mood mood,
                                                                         PraiseLevel level) {
        OfflineVoice voice = OfflineReplyGenerator.voice(character);
        Set<Integer> counts = new HashSet<>();
        for (List<String> example : DEED_MESSAGES) {
            String message = example.get(0);
            Deed deed = DeedFinder.find(message).orElseThrow();
            assertThat(deed.phrase()).isEqualTo(example.get(1));
            String text = reply(character, mood, level, message);
            assertThat(voice.deedLines().get(mood)).as(text)
                    .anySatisfy(line -> assertThat(text).contains(OfflineVoice.fill(line, mood, deed)));
            assertThat(text).contains(mood == Mood.PRAISE ? deed.act() : deed.phrase()).doesNotContain("{", "}");
            int sentences = ReplyRules.sentences(text);
            assertThat(sentences).as(text).isBetween(Math.max(3, level.minSentences()), level.maxSentences());
            ReplyRules.assertNoAdviceOrComparison(text);
            switch (character) {
                case TAMA -> assertThat(text).contains("大丈夫").doesNotContain("わし", "あなた", "おまえさん");
                case MADOKA -> assertThat(text).contains("あなた").doesNotContain("あたし", "わし", "あんた", "おまえさん");
                case HIDE -> assertThat(text).contains("夜").doesNotContain("あたし", "あなた", "あんた");
            }
            assertThat(reply(character, mood, level, message)).as("deterministic").isEqualTo(text);
            counts.add(sentences);
        }
        if (level == PraiseLevel.DEEP) {
            assertThat(counts).as("deep keeps both of its lengths").containsExactlyInAnyOrder(4, 5);
        }
    }

    @ParameterizedTest
    @EnumSource(AiCharacter.class)
    void aDeed_stillOpensByAcknowledgingTheEmotion_andEndsWithTheMoodsClosing(AiCharacter character) {
        OfflineVoice voice = OfflineReplyGenerator.voice(character);
        String message = "ワンオペで寝かしつけまで終わった、しんどい。";
        for (Mood mood : Mood.values()) {
            String text = reply(character, mood, PraiseLevel.NORMAL, message);
            assertThat(voice.openings().get(Emotion.FATIGUE)).anySatisfy(o -> assertThat(text).startsWith(o));
            assertThat(voice.closings().get(mood)).anySatisfy(c -> assertThat(text).endsWith(c));
            assertThat(text).contains("寝かしつけ");
        }
    }

    @ParameterizedTest
    @EnumSource(AiCharacter.class)
    void withoutADeed_orForAMessageTheSafetyStepAnswers_noneOfTheMessageIsSaidBack(AiCharacter character) {
        OfflineVoice voice = OfflineReplyGenerator.voice(character);
        for (String message : List.of("夜泣きが続いていて、もうくたくたです。", "死にたいけど、今日は公園に行けた",
                "公園に行けなかった😢", "夫が夕飯作ってくれた")) {
            for (Mood mood : Mood.values()) {
                String text = reply(character, mood, PraiseLevel.DEEP, message);
                assertThat(text).doesNotContain("公園", "夕飯", "夜泣き");
                assertThat(voice.bodies().get(mood)).as("the generic body line").anySatisfy(b -> assertThat(text).contains(b));
            }
        }
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
