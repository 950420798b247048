package jp.homebiyori.ai;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What the parent did, read from realistic messages: the named deed (phrase and kind), or none ("-"). */
class DeedFinderTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            今日は公園に行けた                                 | 公園                   | OUTING
            離乳食を作った                                     | 離乳食                 | MADE
            お風呂に入れられた                                 | お風呂                 | BATH
            寝かしつけに2時間かかった                          | 寝かしつけ             | TOOK_TIME
            保育園の送り迎え、全部やった                       | 保育園の送り迎え       | DONE
            今日公園行けた！                                   | 公園                   | OUTING
            今日はちゃんとお弁当を作れた、やった！             | お弁当                 | MADE
            仕事から帰って、洗濯と夕飯とお風呂を全部こなした。 | 洗濯と夕飯とお風呂     | DONE
            ワンオペで寝かしつけまで終わった、しんどい。       | 寝かしつけ             | DONE
            寝かしつけ、やっと終わった…つかれた                | 寝かしつけ             | DONE
            今日はワンオペで夕飯とお風呂と寝かしつけまで終わらせた | 夕飯とお風呂と寝かしつけ | DONE
            おふろにいれた〜                                   | おふろ                 | BATH
            ｵﾑﾂ替え頑張った💪                                  | オムツ替え             | EFFORT
            部屋の片付けを頑張りました😊                       | 部屋の片付け           | EFFORT
            今日は子どもと公園で遊んで、本当に楽しかった！     | 公園                   | PLAY
            保育園のお迎えに行ってきた                         | 保育園のお迎え         | OUTING
            ママ友とランチに行きました😊                       | ランチ                 | OUTING
            上の子を歯医者に連れて行った                       | 歯医者                 | OUTING
            雨の中、買い物に行ってきたよ〜                     | 買い物                 | OUTING
            保護者会に参加した                                 | 保護者会               | ATTEND
            掃除と洗濯を全部やった                             | 掃除と洗濯             | DONE
            夜泣き対応した                                     | 夜泣き対応             | DONE
            保育園の準備に時間がかかった                       | 保育園の準備           | TOOK_TIME
            子どもが寝たあと、作り置きを3品作った              | 作り置き               | DONE
            子どもと一緒にクッキーを焼いた🍪                   | クッキー               | MADE
            ごはん作った！えらい私                             | ごはん                 | MADE
            1時間かけてハンバーグ作ったのに食べてくれなかった  | ハンバーグ             | MADE
            ゆうくんと公園に行った                             | 公園                   | OUTING
            ゆうくんのお弁当を作った                           | お弁当                 | MADE
            太郎の服を作った                                   | 服                     | MADE
            りっちゃんとお風呂に入った                         | お風呂                 | BATH
            陽翔のお弁当を作った                               | お弁当                 | MADE
            結衣の服を作った                                   | 服                     | MADE
            ピヨピヨランドに行った                             | -                      | -
            今日は子どもと公園に行けて本当に嬉しかった！ずっと疲れていたけど、自分もちゃんと頑張ったなと思えて、すごく幸せな気持ちになりました。 | 公園 | OUTING
            夫が夕飯作ってくれた                                | -                      | -
            子どもは公園で遊べた                               | -                      | -
            初めて離乳食を完食してくれた。頑張って作ってよかった。 | -                  | -
            公園に行きたかった                                 | -                      | -
            公園に行けなかった😢                               | -                      | -
            明日は公園に行こう                                 | -                      | -
            公園に行ったほうがいいかな？                       | -                      | -
            お弁当作りは毎朝5時起きで頑張ってる                | -                      | -
            今日はめちゃくちゃ頑張った！                       | -                      | -
            夜泣きが続いていて、もうくたくたです。             | -                      | -
            保育園の準備がちゃんとできているか不安で眠れない。 | -                      | -
            朝から雨で、子どもと家で絵本を読んでいた。         | -                      | -
            特に何もない一日だったけど、書いておこうと思う。   | -                      | -
            きょうはこうえんにいけた                           | -                      | -
            """)
    void findsTheDeed_orNone(String message, String phrase, String kind) {
        Optional<Deed> deed = DeedFinder.find(message);
        if ("-".equals(phrase)) {
            assertThat(deed).as(message).isEmpty();
        } else {
            assertThat(deed).as(message).contains(new Deed(phrase, Deed.Kind.valueOf(kind)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"今日は公園に行けた", "保育園の送り迎え、全部やった", "今日はワンオペで夕飯とお風呂と寝かしつけまで終わらせた",
            "ｵﾑﾂ替え頑張った💪", "保育園のお迎えに行ってきた"})
    void thePhrase_isTheUsersOwnWords_shortAndNounsOnly(String message) {
        String phrase = DeedFinder.find(message).orElseThrow().phrase();
        assertThat(Texts.normalize(message)).as("said back, never made up").contains(phrase);
        assertThat(phrase.codePointCount(0, phrase.length())).isLessThanOrEqualTo(DeedFinder.MAX_PHRASE_LENGTH);
        List<Morpheme> words = Morphology.analyze(phrase);
        assertThat(words).as("no verb clause, no auxiliary: %s", words)
                .noneMatch(m -> m.isAuxiliary() || m.isAdjective() || "連用タ接続".equals(m.inflectionForm()));
    }

    @Test
    void aPhraseLongerThanTheCap_isCutToItsLastNoun_orDropped() {
        // 保育園の送り迎えと夕飯作りとお風呂 (17): coordination stops before the cap
        Deed deed = DeedFinder.find("保育園の送り迎えと夕飯作りとお風呂を全部やった").orElseThrow();
        assertThat(deed.phrase().codePointCount(0, deed.phrase().length())).isLessThanOrEqualTo(12);
        assertThat(deed.phrase()).endsWith("お風呂");
        // one compound over the cap is never cut in the middle of a word: nothing is said back
        assertThat(DeedFinder.find("超絶大規模総合子育て支援センター見学会に参加した")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ゆうくんと公園に行った", "ゆうくんのお弁当を作った", "太郎の服を作った", "花子ちゃんとお風呂に入った",
            "田中さんと公園に行った", "たっくんをお風呂に入れた😊", "そらのお弁当を作った"})
    void aName_isNeverSaidBack(String message) {
        String phrase = DeedFinder.find(message).orElseThrow().phrase();
        assertThat(phrase).doesNotContain("ゆう", "太郎", "花子", "田中", "たっ", "くん", "ちゃん", "さん", "そら");
        assertThat(Morphology.analyze(phrase)).noneMatch(m -> m.partOfSpeech().contains("固有名詞"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"死にたいけど、今日は公園に行けた", "夫に殴られたけど病院に行けた", "子どもを叩いてしまったけど、お風呂には入れた"})
    void aMessageTheSafetyStepAnswers_givesNoDeed(String message) {
        assertThat(new SafetyCheck().classify(message)).as("the safety step answers it").isPresent();
        assertThat(DeedFinder.find(message)).isEmpty();
    }

    @Test
    void theSameMessage_givesTheSameDeed() {
        String message = "保育園の送り迎え、全部やった";
        assertThat(DeedFinder.find(message)).isEqualTo(DeedFinder.find(message)).isPresent();
    }

    @Test
    void theActOfADeed_isThePhraseAndOurOwnPredicate() {
        assertThat(new Deed("公園", Deed.Kind.OUTING).act()).isEqualTo("公園に行けた");
        assertThat(new Deed("寝かしつけ", Deed.Kind.TOOK_TIME).act()).isEqualTo("寝かしつけにじっくり向き合った");
        assertThat(new Deed("保育園の送り迎え", Deed.Kind.DONE).act()).isEqualTo("保育園の送り迎えをやり切った");
    }
}
