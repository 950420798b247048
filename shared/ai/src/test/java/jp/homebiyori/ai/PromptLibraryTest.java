package jp.homebiyori.ai;

import jp.homebiyori.domain.character.AiCharacter;
import jp.homebiyori.domain.character.Mood;
import jp.homebiyori.domain.character.PraiseLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The twelve templates: present, in Japanese, carrying the character, the length and the reply rules. */
class PromptLibraryTest {

    private static final PromptLibrary PROMPTS = PromptLibrary.load();

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> combinations() {
        return OfflineReplyGeneratorTest.combinations();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("combinations")
    void everyTemplate_carriesCharacterMoodLengthAndRules(AiCharacter character, Mood mood, PraiseLevel level) {
        String prompt = PROMPTS.systemPrompt(character, mood, level);
        assertThat(prompt)
                .contains(character.displayName())
                .contains(level.minSentences() + "〜" + level.maxSentences() + "文")
                .contains(mood == Mood.PRAISE ? "ほめる（praise）" : "聴く（listen）")
                .contains("アドバイス", "比べない", "判断できない", "#8000", "110", "119", "189", "#8008",
                        "0570-783-556", "離婚", "死別");
        assertThat(prompt).contains(switch (character) {
            case TAMA -> "大丈夫だよ";
            case MADOKA -> "自己効力感";
            case HIDE -> "夜";
        });
    }

    @Test
    void templatesDiffer_perCharacterMoodAndLevel() {
        assertThat(OfflineReplyGeneratorTest.combinations()
                .map(a -> PROMPTS.systemPrompt((AiCharacter) a.get()[0], (Mood) a.get()[1], (PraiseLevel) a.get()[2]))
                .distinct()).hasSize(12);
    }

    @Test
    void aMissingTemplate_failsFast_namingIt() {
        ClassLoader loader = getClass().getClassLoader();
        assertThatThrownBy(() -> PromptLibrary.load(name -> name.equals("hide_listen_deep.txt")
                ? Optional.empty()
                : Optional.of(readResource(loader, name))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("hide_listen_deep.txt is missing");
    }

    @Test
    void aTemplateWithoutTheRules_failsFast() {
        assertThatThrownBy(() -> PromptLibrary.load(name -> Optional.of("あなたは「たまさん」です。2〜3文で返す。")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tama_praise_normal.txt lacks")
                .hasMessageContaining("#8008");
    }

    private static String readResource(ClassLoader loader, String name) {
        try (var in = loader.getResourceAsStream(PromptLibrary.RESOURCE_DIR + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
