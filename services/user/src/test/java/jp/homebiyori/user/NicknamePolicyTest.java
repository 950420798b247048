package jp.homebiyori.user;

import jp.homebiyori.common.error.ApiException;
import jp.homebiyori.user.domain.NicknamePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class NicknamePolicyTest {

    private static void assertRule(String raw, String rule) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> NicknamePolicy.accept(raw));
        assertThat(e).as("nickname %s", raw).isNotNull();
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo("VALIDATION_ERROR");
        assertThat(e.details()).isEqualTo(Map.of("field", "nickname", "rule", rule));
        if (raw.strip().length() > 1) {
            assertThat(e.getMessage()).as("the message never echoes the nickname").doesNotContain(raw.strip());
        }
    }

    @Test
    void accept_trimsAndNormalisesByNfkc() {
        assertThat(NicknamePolicy.accept("  ゆきママ  ")).isEqualTo("ゆきママ");
        assertThat(NicknamePolicy.accept("\u3000ｔａｒｏ　パパ\u3000")).isEqualTo("taro パパ");
        assertThat(NicknamePolicy.accept("ｶﾞﾝﾊﾞﾙ")).isEqualTo("ガンバル");
    }

    @Test
    void accept_countsCodePoints_soTwentyEmojiOrKanjiFit_andTwentyOneDoNot() {
        assertThat(NicknamePolicy.accept("あ".repeat(20))).hasSize(20);
        assertThat(NicknamePolicy.accept("🌸".repeat(20))).hasSize(40);
        assertThat(NicknamePolicy.accept("a")).isEqualTo("a");
        assertRule("あ".repeat(21), "length");
        assertRule("🌸".repeat(21), "length");
        assertThat(NicknamePolicy.accept("  " + "b".repeat(20) + "  ")).hasSize(20);
    }

    @Test
    void accept_keepsEmojiSequencesWithJoinersAndVariationSelectors() {
        assertThat(NicknamePolicy.accept("👨‍👩‍👧ママ")).isEqualTo("👨‍👩‍👧ママ");
        assertThat(NicknamePolicy.accept("❤️はは")).isEqualTo("❤️はは");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\u3000\u3000", "\t\n", "\u200B", "\u200D\uFE0F"})
    void blankOrInvisible_isBlank(String raw) {
        assertRule(raw, "blank");
    }

    @Test
    void null_isBlank() {
        ApiException e = catchThrowableOfType(ApiException.class, () -> NicknamePolicy.accept(null));
        assertThat(e.details()).containsEntry("rule", "blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ゆき\u0000ママ", "a\tb", "a\nb", "a\u0007", "ab\u202Ecd", "a\u200Bb", "a\u2028b", "x\uFEFFy", "a\uE000"})
    void controlOrInvisibleFormatting_isControlCharacters(String raw) {
        assertRule(raw, "control_characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://x.y", "HTTPS://example", "ｈｔｔｐｓ：／／ex", "www.example", "ｗｗｗ．ex",
            "mama.com", "see ex.jp", "yuki.co", "ftp://a", "bit.ly", "ex。com"})
    void urls_areRefused(String raw) {
        assertRule(raw, "url");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@b.jp", "mama@example.com", "ｍａｍａ＠ｅｘ．ｊｐ", "x.y@z.co"})
    void emailAddresses_areRefused(String raw) {
        assertRule(raw, "email");
    }

    @ParameterizedTest
    @ValueSource(strings = {"死ね", "しね", "シネ", "ﾊﾞｶ", "ばか", "バカ", "ク ズ", "FUCK you", "f.u.c.k", "おまえ死ね", "ぶっころすぞ", "Shit"})
    void deniedWords_areRefused(String raw) {
        assertRule(raw, "denied_word");
    }

    @ParameterizedTest
    @ValueSource(strings = {"カスタードママ", "ばかりママ", "ところすき", "よしね", "ゆき.ママ", "mama@home", "3.14パパ", "Dr.ママ",
            "たまごやき", "ママ@子育て中"})
    void harmlessLookalikes_areAccepted(String raw) {
        assertThat(NicknamePolicy.accept(raw)).isEqualTo(NicknamePolicy.normalize(raw));
    }

    @Test
    void theFirstBrokenRuleIsNamed_controlBeforeLength() {
        assertRule("\u0000" + "a".repeat(30), "control_characters");
        assertRule("a".repeat(30) + "http://x", "length");
    }
}
