package jp.homebiyori.ai;

import jp.homebiyori.domain.character.AiCharacter;
import jp.homebiyori.domain.character.Emotion;
import jp.homebiyori.domain.character.EmotionStamp;
import jp.homebiyori.domain.character.Mood;
import jp.homebiyori.domain.character.PraiseLevel;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The façade: safety before generation, emotions, the fruit flag, stamps, the disclaimer, configuration. */
class AiRepliesTest {

    /** A reply that passes the check at the deep level. */
    private static final String PASSING = "話してくれてありがとねぇ。心配になるのは、それだけ大事に思ってる証拠だよ。"
            + "あんたはよくやってるよ。大丈夫だよ。";

    private static AiReplies offline() {
        return new AiReplies("offline", BedrockSettings.DEFAULT_MODEL_ID, 200, 0.7f, 1000, "ap-northeast-1",
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void anOrdinaryMessage_isGenerated_withItsEmotionAndFruitFlag() {
        AiResult result = offline().reply(AiCharacter.MADOKA, Mood.PRAISE, PraiseLevel.DEEP,
                "初めて離乳食を完食してくれた。頑張って作ってよかったと心から思う！", List.of());
        assertThat(result.source()).isEqualTo(ReplySource.OFFLINE);
        assertThat(result.safetyCategory()).isEmpty();
        assertThat(result.emotion().primary()).contains(Emotion.ACCOMPLISHMENT);
        assertThat(result.fruitAllowed()).isTrue();
        assertThat(ReplyRules.sentences(result.text())).isBetween(4, 5);
        assertThat(result.disclaimer()).isEqualTo(Disclaimer.TEXT).contains("誤りを含む可能性");
        assertThat(result.textWithDisclaimer()).startsWith(result.text()).endsWith(Disclaimer.TEXT);
    }

    @Test
    void aShortMessage_growsNoFruit() {
        AiResult result = offline().reply(AiCharacter.TAMA, Mood.LISTEN, PraiseLevel.NORMAL, "疲れた", List.of());
        assertThat(result.emotion().primary()).contains(Emotion.FATIGUE);
        assertThat(result.fruitAllowed()).isFalse();
    }

    @Test
    void aSafetyMessage_neverReachesTheGenerator_andNeverGrowsAFruit() {
        AtomicInteger calls = new AtomicInteger();
        AiReplies replies = new AiReplies(request -> {
            calls.incrementAndGet();
            return new GeneratedReply("generated", ReplySource.BEDROCK);
        });
        AiResult result = replies.reply(AiCharacter.HIDE, Mood.PRAISE, PraiseLevel.NORMAL,
                "毎日本当に頑張ってきたけど、もう疲れて死にたいと思う気持ちが消えない。", List.of());
        assertThat(calls).hasValue(0);
        assertThat(result.source()).isEqualTo(ReplySource.SAFETY);
        assertThat(result.safetyCategory()).contains(SafetyCategory.SELF_HARM);
        assertThat(result.emotion().fruitWorthy()).as("the analysis alone would allow one").isTrue();
        assertThat(result.fruitAllowed()).isFalse();
        assertThat(result.text()).contains("0570-783-556");
        assertThat(result.disclaimer()).isEqualTo(Disclaimer.TEXT);
    }

    @Test
    void theGeneratorGetsTheRequestWithTheDetectedEmotion() {
        ReplyRequest[] seen = new ReplyRequest[1];
        AiReplies replies = new AiReplies(request -> {
            seen[0] = request;
            return new GeneratedReply(PASSING, ReplySource.BEDROCK);
        });
        List<Turn> history = List.of(new Turn("前の話", "前の返事"));
        AiResult result = replies.reply(AiCharacter.TAMA, Mood.LISTEN, PraiseLevel.DEEP, "子どものことが心配で", history);
        assertThat(result.source()).isEqualTo(ReplySource.BEDROCK);
        assertThat(result.text()).isEqualTo(PASSING);
        assertThat(replies.rejectedCount()).isZero();
        assertThat(seen[0].emotion()).contains(Emotion.WORRY);
        assertThat(seen[0].history()).isEqualTo(history);
        assertThat(seen[0].level()).isEqualTo(PraiseLevel.DEEP);
    }

    @Test
    void aStamp_getsAFixedReply_withItsEmotion_andNoFruit() {
        AiResult result = offline().replyToStamp(AiCharacter.MADOKA, EmotionStamp.TIRED);
        assertThat(result.text()).isEqualTo(new StampReplies().reply(AiCharacter.MADOKA, EmotionStamp.TIRED));
        assertThat(result.emotion().primary()).contains(Emotion.FATIGUE);
        assertThat(result.fruitAllowed()).isFalse();
        assertThat(result.safetyCategory()).isEmpty();
    }

    @Test
    void aBlankMessage_isRefused() {
        assertThatThrownBy(() -> offline().reply(AiCharacter.TAMA, Mood.PRAISE, PraiseLevel.NORMAL, "  ", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnknownGenerator_stopsStartUp() {
        assertThatThrownBy(() -> new AiReplies("gpt", BedrockSettings.DEFAULT_MODEL_ID, 200, 0.7f, 1000,
                "ap-northeast-1", Optional.empty(), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("offline or bedrock");
    }

    @Test
    void offlineMode_hasNoFallbacks() {
        assertThat(offline().fallbackCount()).isZero();
    }

    @org.junit.jupiter.api.Test
    void makingTheBean_loadsTheDictionariesOnAThreadOfTheirOwn_andSnapStartCanWaitForThem() throws Exception {
        new AiReplies(new OfflineReplyGenerator());
        org.assertj.core.api.Assertions.assertThat(AiReplies.awaitWarmUp(java.time.Duration.ofSeconds(30))).isTrue();
        // the thread counts down as its last act, then ends: within a moment no warm-up thread is left alive
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
        while (warmUpThreadAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        org.assertj.core.api.Assertions.assertThat(warmUpThreadAlive())
                .as("the warm-up thread ends once the dictionaries are loaded").isFalse();
        // and what it loaded is there: a message is read without loading anything (the model answers at once)
        org.assertj.core.api.Assertions.assertThat(SafetyModel.get().crisis("今日は公園に行けた")).isEmpty();
    }

    private static boolean warmUpThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("kuromoji-warm-up") && t.isAlive());
    }
}
