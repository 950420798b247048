package jp.homebiyori.ai;

import jp.homebiyori.domain.character.AiCharacter;
import jp.homebiyori.domain.character.Emotion;
import jp.homebiyori.domain.character.EmotionStamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Replies to the six emotion stamps: normal length, the character's voice, no advice, fixed. */
class StampRepliesTest {

    private final StampReplies stamps = new StampReplies();

    @ParameterizedTest
    @EnumSource(AiCharacter.class)
    void everyStamp_getsAnEmpatheticNormalLengthReplyInTheVoice(AiCharacter character) {
        for (EmotionStamp stamp : EmotionStamp.values()) {
            String reply = stamps.reply(character, stamp);
            assertThat(ReplyRules.sentences(reply)).as(reply).isBetween(2, 3);
            ReplyRules.assertNoAdviceOrComparison(reply);
            assertThat(reply).containsAnyOf(switch (character) {
                case TAMA -> new String[] {"あたし", "あんた"};
                case MADOKA -> new String[] {"あなた"};
                case HIDE -> new String[] {"わし", "おまえさん"};
            });
            assertThat(stamps.reply(character, stamp)).isEqualTo(reply);
        }
        assertThat(Arrays.stream(EmotionStamp.values()).map(s -> stamps.reply(character, s)).distinct()).hasSize(6);
    }

    @ParameterizedTest
    @EnumSource(EmotionStamp.class)
    void tamaSpeaksAsTama(EmotionStamp stamp) {
        assertThat(stamps.reply(AiCharacter.TAMA, stamp)).containsAnyOf("あたし", "あんた", "大丈夫だよ")
                .doesNotContain("あなた", "おまえさん");
    }

    @Test
    void stampsMapToTheFiveEmotions() {
        assertThat(StampReplies.emotionOf(EmotionStamp.HAPPY)).contains(Emotion.JOY);
        assertThat(StampReplies.emotionOf(EmotionStamp.SAD)).contains(Emotion.SADNESS);
        assertThat(StampReplies.emotionOf(EmotionStamp.TIRED)).contains(Emotion.FATIGUE);
        assertThat(StampReplies.emotionOf(EmotionStamp.ANXIOUS)).contains(Emotion.WORRY);
        assertThat(StampReplies.emotionOf(EmotionStamp.ANGRY)).isEmpty();
    }
}
