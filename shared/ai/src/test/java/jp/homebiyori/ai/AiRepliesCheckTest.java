package jp.homebiyori.ai;

import jp.homebiyori.common.metrics.ProcessCounters;
import jp.homebiyori.domain.character.AiCharacter;
import jp.homebiyori.domain.character.Mood;
import jp.homebiyori.domain.character.PraiseLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the façade does with a generated reply that fails the reply check, or that the guardrail refused. */
class AiRepliesCheckTest {

    private static final String MESSAGE = "今日は子どもと公園で遊んで、本当に楽しかった！";
    private static final String ADVICE = "よく頑張ったねぇ。今夜は早めに寝なさい。";

    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger logger = Logger.getLogger(AiReplies.class.getName());

    @BeforeEach
    void listen() {
        logger.addHandler(handler);
    }

    @AfterEach
    void stopListening() {
        logger.removeHandler(handler);
    }

    private static ReplyRequest request(AiResult result, AiCharacter character, Mood mood, PraiseLevel level) {
        return new ReplyRequest(character, mood, level, MESSAGE, List.of(), result.emotion().primary());
    }

    @Test
    void aReplyThatFailsTheCheck_isReplacedByTheOfflineReply_countedAndLoggedWithoutText() {
        AiReplies replies = new AiReplies(request -> new GeneratedReply(ADVICE, ReplySource.BEDROCK));
        long before = ProcessCounters.get(ProcessCounters.AI_REPLY_REJECTED);

        AiResult result = replies.reply(AiCharacter.TAMA, Mood.PRAISE, PraiseLevel.NORMAL, MESSAGE, List.of());

        String offline = new OfflineReplyGenerator().generate(request(result, AiCharacter.TAMA, Mood.PRAISE, PraiseLevel.NORMAL)).text();
        assertThat(result.text()).isEqualTo(offline).isNotEqualTo(ADVICE);
        assertThat(result.source()).isEqualTo(ReplySource.CHECKED_FALLBACK);
        assertThat(result.fruitAllowed()).as("the fruit rule is the message's, not the reply's").isEqualTo(result.emotion().fruitWorthy());
        assertThat(replies.rejectedCount()).isEqualTo(1);
        assertThat(replies.fallbackCount()).isZero();
        assertThat(ProcessCounters.get(ProcessCounters.AI_REPLY_REJECTED)).isEqualTo(before + 1);
        assertThat(logged).singleElement().satisfies(r -> {
            assertThat(r.getLevel()).isEqualTo(Level.WARNING);
            assertThat(r.getMessage()).contains("ADVICE", "character tama", "mood praise", "level normal")
                    .doesNotContain("寝なさい", "公園", offline);
        });
    }

    @Test
    void aReplyThatPasses_isSentAsWritten_andNothingIsCounted() {
        String good = "公園で思いきり遊んだんだねぇ、あんたの笑顔が目に浮かぶよ。大丈夫だよ。";
        AiReplies replies = new AiReplies(request -> new GeneratedReply(good, ReplySource.BEDROCK));
        long before = ProcessCounters.get(ProcessCounters.AI_REPLY_REJECTED);
        AiResult result = replies.reply(AiCharacter.TAMA, Mood.PRAISE, PraiseLevel.NORMAL, MESSAGE, List.of());
        assertThat(result.text()).isEqualTo(good);
        assertThat(result.source()).isEqualTo(ReplySource.BEDROCK);
        assertThat(replies.rejectedCount()).isZero();
        assertThat(ProcessCounters.get(ProcessCounters.AI_REPLY_REJECTED)).isEqualTo(before);
        assertThat(logged).isEmpty();
    }

    @Test
    void aReplyOfTheWrongLength_isReplacedToo() {
        AiReplies replies = new AiReplies(request -> new GeneratedReply("えらいよ。", ReplySource.BEDROCK));
        AiResult result = replies.reply(AiCharacter.HIDE, Mood.LISTEN, PraiseLevel.DEEP, MESSAGE, List.of());
        assertThat(result.source()).isEqualTo(ReplySource.CHECKED_FALLBACK);
        assertThat(ReplyCheck.sentenceCount(result.text())).isBetween(4, 5);
        assertThat(logged).singleElement().satisfies(r -> assertThat(r.getMessage())
                .contains("SENTENCE_COUNT", "character hide", "mood listen", "level deep"));
    }

    @Test
    void whenTheOfflineReplyFailsToo_theCharactersNeutralReplyIsSent_counted_once() {
        AiReplies replies = new AiReplies(request -> new GeneratedReply(ADVICE, ReplySource.BEDROCK),
                request -> new GeneratedReply("他のママより頑張ってるよ。大丈夫だよ。", ReplySource.OFFLINE));
        long before = ProcessCounters.get(ProcessCounters.AI_REPLY_REJECTED);

        AiResult result = replies.reply(AiCharacter.MADOKA, Mood.LISTEN, PraiseLevel.DEEP, MESSAGE, List.of());

        assertThat(result.text()).isEqualTo(NeutralReplies.reply(AiCharacter.MADOKA, PraiseLevel.DEEP));
        assertThat(result.source()).isEqualTo(ReplySource.CHECKED_FALLBACK);
        assertThat(replies.rejectedCount()).isEqualTo(1);
        assertThat(ProcessCounters.get(ProcessCounters.AI_REPLY_REJECTED)).isEqualTo(before + 1);
        assertThat(logged).extracting(LogRecord::getLevel).containsExactly(Level.WARNING, Level.SEVERE);
        assertThat(logged.get(1).getMessage()).contains("COMPARISON", "character madoka").doesNotContain("ママ");
    }

    @Test
    void theOfflineGeneratorsOwnReplies_areCheckedToo_andPass() {
        AiReplies replies = new AiReplies(new OfflineReplyGenerator());
        for (AiCharacter character : AiCharacter.values()) {
            for (Mood mood : Mood.values()) {
                for (PraiseLevel level : PraiseLevel.values()) {
                    assertThat(replies.reply(character, mood, level, MESSAGE, List.of()).source()).isEqualTo(ReplySource.OFFLINE);
                }
            }
        }
        assertThat(replies.rejectedCount()).isZero();
    }

    @Test
    void aGuardrailIntervention_isReplacedByTheOfflineReply_andCountedAsARejection_notAFallback() {
        AiReplies replies = new AiReplies(new FallbackReplyGenerator(request -> {
            throw new GuardrailIntervention("output", List.of("topic MedicalAdvice"));
        }, new OfflineReplyGenerator()));
        long fallbacks = ProcessCounters.get(ProcessCounters.AI_FALLBACK);

        AiResult result = replies.reply(AiCharacter.HIDE, Mood.PRAISE, PraiseLevel.NORMAL, MESSAGE, List.of());

        assertThat(result.source()).isEqualTo(ReplySource.CHECKED_FALLBACK);
        assertThat(result.text()).isEqualTo(new OfflineReplyGenerator()
                .generate(request(result, AiCharacter.HIDE, Mood.PRAISE, PraiseLevel.NORMAL)).text());
        assertThat(replies.rejectedCount()).isEqualTo(1);
        assertThat(replies.fallbackCount()).isZero();
        assertThat(ProcessCounters.get(ProcessCounters.AI_FALLBACK)).isEqualTo(fallbacks);
        assertThat(logged).singleElement().satisfies(r -> assertThat(r.getMessage())
                .contains("GUARDRAIL", "on output", "topic MedicalAdvice", "character hide"));
    }

    @Test
    void aMessageTheGuardrailBlocksForSelfHarm_getsTheSafetyReply_neverAPraise() {
        AiReplies replies = new AiReplies(new FallbackReplyGenerator(request -> {
            throw new GuardrailIntervention("input", List.of("topic " + GuardrailIntervention.SELF_HARM_TOPIC));
        }, new OfflineReplyGenerator()));
        long before = ProcessCounters.get(ProcessCounters.AI_REPLY_REJECTED);

        AiResult result = replies.reply(AiCharacter.MADOKA, Mood.PRAISE, PraiseLevel.NORMAL, MESSAGE, List.of());

        assertThat(result.source()).isEqualTo(ReplySource.SAFETY);
        assertThat(result.safetyCategory()).contains(SafetyCategory.SELF_HARM);
        assertThat(result.text()).isEqualTo(SafeReplies.reply(AiCharacter.MADOKA, SafetyCategory.SELF_HARM)).contains("0570-783-556");
        assertThat(result.fruitAllowed()).isFalse();
        assertThat(replies.rejectedCount()).isEqualTo(1);
        assertThat(ProcessCounters.get(ProcessCounters.AI_REPLY_REJECTED)).isEqualTo(before + 1);
        assertThat(logged).singleElement().satisfies(r -> assertThat(r.getMessage())
                .contains("GUARDRAIL", "on input", "SelfHarmMethods", "self-harm safety reply"));
    }

    @Test
    void theSelfHarmTopicBlockingTheModelsAnswer_getsTheOfflineReply() {
        AiReplies replies = new AiReplies(request -> {
            throw new GuardrailIntervention("output", List.of("topic " + GuardrailIntervention.SELF_HARM_TOPIC));
        });
        AiResult result = replies.reply(AiCharacter.TAMA, Mood.LISTEN, PraiseLevel.NORMAL, MESSAGE, List.of());
        assertThat(result.source()).isEqualTo(ReplySource.CHECKED_FALLBACK);
        assertThat(result.safetyCategory()).isEmpty();
    }

    @Test
    void aSafetyReply_isAFixedTextAndNotChecked() {
        AiReplies replies = new AiReplies(new OfflineReplyGenerator());
        // four sentences with the contacts: the check would refuse them at the normal level, and is not asked
        AiResult result = replies.reply(AiCharacter.TAMA, Mood.PRAISE, PraiseLevel.NORMAL,
                "毎日本当に頑張ってきたけど、もう疲れて死にたいと思う気持ちが消えない。", List.of());
        assertThat(result.source()).isEqualTo(ReplySource.SAFETY);
        assertThat(result.text()).contains("0570-783-556");
        assertThat(replies.rejectedCount()).isZero();
    }

    @Test
    void aGuardrailNeedsBothItsIdAndItsVersion() {
        assertThat(BedrockSettings.Guardrail.of(Optional.empty(), Optional.of(" "))).isEmpty();
        assertThat(BedrockSettings.Guardrail.of(Optional.of("abc123"), Optional.of("1")))
                .contains(new BedrockSettings.Guardrail("abc123", "1"));
        assertThatThrownBy(() -> new AiReplies("bedrock", BedrockSettings.DEFAULT_MODEL_ID, 200, 0.7f, 1000,
                "ap-northeast-1", Optional.empty(), Optional.of("abc123"), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("guardrail-version");
        assertThatThrownBy(() -> BedrockSettings.Guardrail.of(Optional.of("abc123"), Optional.of("v1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("number or DRAFT");
    }
}
