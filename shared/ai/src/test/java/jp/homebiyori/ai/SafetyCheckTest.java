package jp.homebiyori.ai;

import jp.homebiyori.domain.character.AiCharacter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The safety step: each category in Japanese and English, the contacts, no fruit, no false alarms. */
class SafetyCheckTest {

    private final SafetyCheck safety = new SafetyCheck();

    private static final Map<SafetyCategory, List<String>> CONTACTS = Map.of(
            SafetyCategory.SELF_HARM, List.of("いのちの電話", "0570-783-556", "119"),
            SafetyCategory.CHILD_ABUSE, List.of("189", "110", "119"),
            SafetyCategory.DOMESTIC_VIOLENCE, List.of("#8008", "110"),
            SafetyCategory.MEDICAL, List.of("判断でき", "#8000"),
            SafetyCategory.DIVORCE_OR_BEREAVEMENT, List.of("重"));

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            もう死にたいと思ってしまう夜がある                 | SELF_HARM
            子育てに疲れて、消えたい                           | SELF_HARM
            I want to die                                      | SELF_HARM
            Sometimes I think about killing myself             | SELF_HARM
            イライラして子どもを叩いてしまった                 | CHILD_ABUSE
            これって虐待なのかな                               | CHILD_ABUSE
            I hit my son today and I can't forgive it          | CHILD_ABUSE
            I'm afraid I abuse my kids                         | CHILD_ABUSE
            夫に殴られて怖い                                   | DOMESTIC_VIOLENCE
            旦那に毎日怒鳴られて、物を投げられる               | DOMESTIC_VIOLENCE
            ＤＶを受けています                                 | DOMESTIC_VIOLENCE
            My husband hits me when he drinks                  | DOMESTIC_VIOLENCE
            I think this is domestic violence                  | DOMESTIC_VIOLENCE
            子どもが39度の熱を出したけど、病院に行くべき？     | MEDICAL
            この薬を飲ませても大丈夫ですか                     | MEDICAL
            My baby has a fever, should I give him medicine?   | MEDICAL
            Is it normal for a rash to spread like this?       | MEDICAL
            先月離婚しました                                   | DIVORCE_OR_BEREAVEMENT
            母が亡くなって一ヶ月がたちました                   | DIVORCE_OR_BEREAVEMENT
            We are getting a divorce                           | DIVORCE_OR_BEREAVEMENT
            My father passed away last week                    | DIVORCE_OR_BEREAVEMENT
            """)
    void recognisesEachCategory_inJapaneseAndEnglish(String message, SafetyCategory expected) {
        assertThat(safety.classify(message)).contains(expected);
        for (AiCharacter character : AiCharacter.values()) {
            SafetyResult result = safety.check(character, message).orElseThrow();
            assertThat(result.category()).isEqualTo(expected);
            assertThat(result.fruitAllowed()).isFalse();
            assertThat(result.reply()).contains(CONTACTS.get(expected));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "今日は子どもと公園で遊んで、本当に楽しかった！",
            "夜泣きで寝不足だけど、頑張って朝ごはんを作った。",
            "熱心に離乳食を作ったら、全部食べてくれた。",
            "子どもの熱が下がってほっとした、看病頑張った。",
            "子どもに叩かれて痛かったけど、笑ってしまった。",
            "旦那が夕飯を作ってくれて助かった。",
            "I finally cooked dinner and the kids loved it!",
            "Watched a DVD with my daughter, so much fun."})
    void ordinaryMessages_areNotFlagged(String message) {
        assertThat(safety.classify(message)).isEmpty();
        assertThat(safety.check(AiCharacter.TAMA, message)).isEmpty();
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            死にたくてたまらない                                 | SELF_HARM
            もう消えてなくなりたい                               | SELF_HARM
            朝が来なければいいのに                               | SELF_HARM
            この子を道連れにしてしまいそう                       | SELF_HARM
            睡眠薬を全部飲んだらどうなるかな                     | SELF_HARM
            子どもをベランダに出して鍵をかけた                   | CHILD_ABUSE
            夫にスマホを取り上げられて実家にも連絡させてもらえない | DOMESTIC_VIOLENCE
            """)
    void theWaysTheIssueSawMissed_areRecognised(String message, SafetyCategory expected) {
        assertThat(safety.classify(message)).contains(expected);
    }

    @Test
    void whoDoesWhatToWhom_decidesAHarmVerb() {
        assertThat(safety.classify("子どもを叩いてしまった")).contains(SafetyCategory.CHILD_ABUSE);
        assertThat(safety.classify("子どもに叩かれた")).isEmpty();
        assertThat(safety.classify("赤ちゃんにお腹を蹴られて目が覚めた")).isEmpty();
        assertThat(safety.classify("夫に蹴られた")).contains(SafetyCategory.DOMESTIC_VIOLENCE);
        assertThat(safety.classify("叩きそうになったけど、深呼吸して別の部屋に行った")).isEmpty();
    }

    @Test
    void aWishNotToDie_andHyperbole_areNotSelfHarm() {
        assertThat(safety.classify("死ぬほど眠い")).isEmpty();
        assertThat(safety.classify("恥ずかしくて消えたいw")).isEmpty();
        assertThat(safety.classify("死にたくないから今日も頑張る")).isEmpty();
    }

    @Test
    void aShortMessageAfterACrisis_carriesItsCategory() {
        List<Turn> history = List.of(new Turn("今日は公園に行った", "よかったね"), new Turn("もう消えたい", "話してくれてありがとう"));
        assertThat(safety.classify("もう無理", history)).contains(SafetyCategory.SELF_HARM);
        assertThat(safety.classify("もう無理")).as("alone it is an ordinary sigh").isEmpty();
        assertThat(safety.classify("もう無理", List.of(new Turn("今日は公園に行った", "よかったね")))).isEmpty();
        // three turns later the crisis is out of the context's reach
        List<Turn> longAgo = List.of(new Turn("もう消えたい", "…"), new Turn("ごはん作った", "…"), new Turn("洗濯した", "…"),
                new Turn("公園に行った", "…"));
        assertThat(safety.classify("もう無理", longAgo)).isEmpty();
    }

    @Test
    void theMostUrgentCategoryWins() {
        assertThat(safety.classify("睡眠薬を全部飲んだら楽になれるかな、病院に行くべき?")).contains(SafetyCategory.SELF_HARM);
        assertThat(safety.classify("夫に殴られて、もう死にたい")).contains(SafetyCategory.SELF_HARM);
        assertThat(safety.classify("離婚した夫に殴られた")).contains(SafetyCategory.DOMESTIC_VIOLENCE);
    }

    @Test
    void aMedicalStatement_withoutAQuestion_isNotFlagged() {
        assertThat(safety.classify("子どもが熱を出して、一晩中看病した。")).isEmpty();
        assertThat(safety.classify("子どもが熱を出したけど、受診したほうがいいのかな")).contains(SafetyCategory.MEDICAL);
    }

    @ParameterizedTest
    @EnumSource(AiCharacter.class)
    void everySafeReply_isInTheCharactersVoice_andGivesNoAdvice(AiCharacter character) {
        for (SafetyCategory category : SafetyCategory.values()) {
            String reply = SafeReplies.reply(character, category);
            ReplyRules.assertNoAdviceOrComparison(reply);
            switch (character) {
                case TAMA -> assertThat(reply).contains("あたし");
                case MADOKA -> assertThat(reply).contains("あなた");
                case HIDE -> assertThat(reply).contains("わし");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(AiCharacter.class)
    void divorceAndBereavement_getNoCounselAndNoHotline(AiCharacter character) {
        String reply = SafeReplies.reply(character, SafetyCategory.DIVORCE_OR_BEREAVEMENT);
        assertThat(reply).doesNotContain("#8008", "189", "0570", "110", "119");
        assertThat(ReplyRules.sentences(reply)).isBetween(2, 3);
    }
}
