package jp.homebiyori.ai;

import jp.homebiyori.domain.character.AiCharacter;
import jp.homebiyori.domain.character.Emotion;
import jp.homebiyori.domain.character.EmotionStamp;
import jp.homebiyori.domain.character.Mood;
import jp.homebiyori.domain.character.PraiseLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static jp.homebiyori.ai.ReplyViolation.ADVICE;
import static jp.homebiyori.ai.ReplyViolation.COMPARISON;
import static jp.homebiyori.ai.ReplyViolation.EMPTY;
import static jp.homebiyori.ai.ReplyViolation.MEDICAL_JUDGEMENT;
import static jp.homebiyori.ai.ReplyViolation.SENTENCE_COUNT;
import static jp.homebiyori.ai.ReplyViolation.TOO_LONG;
import static jp.homebiyori.domain.character.AiCharacter.HIDE;
import static jp.homebiyori.domain.character.AiCharacter.MADOKA;
import static jp.homebiyori.domain.character.AiCharacter.TAMA;
import static jp.homebiyori.domain.character.Mood.LISTEN;
import static jp.homebiyori.domain.character.Mood.PRAISE;
import static jp.homebiyori.domain.character.PraiseLevel.DEEP;
import static jp.homebiyori.domain.character.PraiseLevel.NORMAL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reply check against labelled replies written in the three characters' voices: bad ones must fail
 * with their code, good ones (including the look-alikes the rules must not catch) must pass, and every
 * reply the offline generator can compose passes.
 */
class ReplyCheckTest {

    private final ReplyCheck check = new ReplyCheck();

    /** A labelled reply: the voice and settings it was written for, and the code it must get (null: passes). */
    record Labelled(ReplyViolation expected, AiCharacter voice, Mood mood, PraiseLevel level, String reply) {

        @Override
        public String toString() {
            return (expected == null ? "OK" : expected) + " " + voice + " " + mood + " " + level + ": " + reply;
        }
    }

    private static Labelled bad(ReplyViolation code, AiCharacter voice, Mood mood, PraiseLevel level, String reply) {
        return new Labelled(code, voice, mood, level, reply);
    }

    private static Labelled good(AiCharacter voice, Mood mood, PraiseLevel level, String reply) {
        return new Labelled(null, voice, mood, level, reply);
    }

    static final List<Labelled> BAD = List.of(
            // ---------------------------------------------------------------- advice
            bad(ADVICE, TAMA, PRAISE, NORMAL, "あんたは本当によくやってるよ。今夜は早めに寝なさい。"),
            bad(ADVICE, TAMA, LISTEN, NORMAL, "そういう日もあるよねぇ。たまには旦那さんに頼ってみてね。"),
            bad(ADVICE, TAMA, PRAISE, NORMAL, "頑張ったねぇ。疲れたら少し休んだ方がいいよ。大丈夫だよ。"),
            bad(ADVICE, TAMA, PRAISE, NORMAL, "頑張ったねぇ。たまには手を抜いたほうがいいよ、大丈夫だよ。"),
            bad(ADVICE, TAMA, LISTEN, DEEP, "つらかったねぇ。あたしはちゃんと聞いてるよ。でもね、一人で抱え込まないで。あんたはひとりじゃないよ。大丈夫だよ。"),
            bad(ADVICE, TAMA, PRAISE, NORMAL, "えらいよ。明日は家事を手抜きしましょう。"),
            bad(ADVICE, TAMA, PRAISE, NORMAL, "よくやったねぇ。寝る前に温かいお茶を飲むといいよ。大丈夫だよ。"),
            bad(ADVICE, TAMA, LISTEN, NORMAL, "大丈夫だよ。たまには実家を頼ってごらん、きっと楽になるよ。"),
            bad(ADVICE, TAMA, PRAISE, NORMAL, "あんたはえらいよ。明日もその調子で頑張れ。"),
            bad(ADVICE, MADOKA, PRAISE, NORMAL, "優先順位をつけて動けているのはすごいことよ。次は家事代行を試してみて。"),
            bad(ADVICE, MADOKA, PRAISE, NORMAL, "あなたはよくやっているわ。便利な家電を一度試すといいわ。"),
            bad(ADVICE, MADOKA, LISTEN, NORMAL, "その気持ちは自然なことよ。パートナーと話し合うべきだと思うわ。"),
            bad(ADVICE, MADOKA, PRAISE, DEEP, "限られた時間の中でよく頑張ったわね。あなたの判断力は立派な強みよ。ただ、睡眠は削らないでください。"
                    + "その積み重ねは確かな力よ。あなたはよくやっているわ。"),
            bad(ADVICE, MADOKA, LISTEN, NORMAL, "不安になるのは自然なことよ。一度、保育園の先生に相談してみてはどうかしら。"),
            bad(ADVICE, MADOKA, PRAISE, NORMAL, "今日のあなたは本当に頑張ったわ。時短家電がおすすめよ。"),
            bad(ADVICE, MADOKA, LISTEN, NORMAL, "話してくれてありがとう。疲れたら誰かに頼ればいいのよ。"),
            bad(ADVICE, MADOKA, PRAISE, NORMAL, "You should rest more! あなたはよくやっているわ。"),
            bad(ADVICE, MADOKA, LISTEN, NORMAL, "Try to sleep when the baby sleeps! あなたの気持ちは、ちゃんとここで受け止めたわ。"),
            bad(ADVICE, HIDE, PRAISE, NORMAL, "よく生き抜いたのう。今夜はゆっくり休め。"),
            bad(ADVICE, HIDE, LISTEN, NORMAL, "そう感じたおまえさんの心を受け止めよう。たまには夜空を見上げてみるとよいぞ。"),
            bad(ADVICE, HIDE, LISTEN, DEEP, "長い夜じゃのう。わしはここにおるよ。眠れぬなら、温かい湯に浸かってみてはいかがかな。"
                    + "心がほどけるものじゃ。静かな夜が訪れますように。"),
            bad(ADVICE, HIDE, PRAISE, NORMAL, "誠実な日々じゃのう。子には毎晩絵本を読んでやるべきじゃ。"),
            bad(ADVICE, HIDE, PRAISE, NORMAL, "よく頑張ったのう。試しに、明日は少し早く床につくのじゃ。"),
            bad(ADVICE, HIDE, LISTEN, NORMAL, "心の声はちゃんと聞こえておるよ。今夜は一人で抱え込まずに、誰かを頼りなされ。"),
            // ---------------------------------------------------------------- comparison
            bad(COMPARISON, TAMA, PRAISE, NORMAL, "あんたは他のママよりずっと頑張ってるよ。大丈夫だよ。"),
            bad(COMPARISON, TAMA, LISTEN, NORMAL, "夜泣きはみんな経験してることだよ。大丈夫、あんたはひとりじゃないよ。"),
            bad(COMPARISON, TAMA, PRAISE, NORMAL, "前よりずっと上手になったねぇ。大丈夫だよ。"),
            bad(COMPARISON, TAMA, PRAISE, NORMAL, "お隣のさくらちゃんより早くできたなんてすごいねぇ。大丈夫だよ。"),
            bad(COMPARISON, MADOKA, PRAISE, NORMAL, "普通はそこまでできないものよ。あなたはよくやっているわ。"),
            bad(COMPARISON, MADOKA, LISTEN, NORMAL, "よその子と比べて焦る気持ちは分かるわ。あなたの気持ちは受け止めたわ。"),
            bad(COMPARISON, MADOKA, PRAISE, NORMAL, "平均よりずっと早く寝かしつけられているわ。自信を持っていいのよ。"),
            bad(COMPARISON, MADOKA, PRAISE, DEEP, "一つひとつ向き合ってきたのね。あなたは誰よりも努力しているわ。その積み重ねは確かな力よ。"
                    + "今日の一歩は実績になるわ。自信を持っていいのよ。"),
            bad(COMPARISON, MADOKA, PRAISE, NORMAL, "Compared to other kids, yours is doing great! あなたはよくやっているわ。"),
            bad(COMPARISON, HIDE, PRAISE, NORMAL, "おまえさんほど誠実な親はおらんのう。その生き方を、今夜わしは敬うよ。"),
            bad(COMPARISON, HIDE, LISTEN, NORMAL, "どの親も同じ道を通るものじゃ。今夜は、わしがそばで聞いておるよ。"),
            bad(COMPARISON, HIDE, PRAISE, NORMAL, "昨日よりも穏やかな顔をしておるのう。今夜のおまえさんに拍手を送ろう。"),
            // ---------------------------------------------------------------- medical judgement
            bad(MEDICAL_JUDGEMENT, TAMA, LISTEN, NORMAL, "熱が出ても、一晩寝れば大丈夫だよ。あたしがついてるからね。"),
            bad(MEDICAL_JUDGEMENT, TAMA, PRAISE, NORMAL, "その発疹は心配いりませんよ。看病してるあんたはえらいよ。"),
            bad(MEDICAL_JUDGEMENT, TAMA, PRAISE, NORMAL, "下痢なら二、三日で良くなるよ。看病してるあんたはえらいよ。"),
            bad(MEDICAL_JUDGEMENT, MADOKA, LISTEN, NORMAL, "その症状なら、よくある風邪だと思うわ。あなたは十分に頑張っているわ。"),
            bad(MEDICAL_JUDGEMENT, MADOKA, PRAISE, NORMAL, "夜泣きは発達の上で正常なことよ。あなたはよくやっているわ。"),
            bad(MEDICAL_JUDGEMENT, MADOKA, LISTEN, DEEP, "心配になるのは当然よ。咳が続くなら、早めに受診してね。あなたの判断は確かよ。"
                    + "一人で抱えなくていいの。私はあなたの味方よ。"),
            bad(MEDICAL_JUDGEMENT, MADOKA, PRAISE, NORMAL, "体重の増え方も問題ありません。あなたの食事作りは立派な成果よ。"),
            bad(MEDICAL_JUDGEMENT, HIDE, LISTEN, NORMAL, "案ずることはない、病気ではないじゃろう。今夜は、わしがそばにおるよ。"),
            bad(MEDICAL_JUDGEMENT, HIDE, PRAISE, NORMAL, "今夜は薬を飲ませて、ゆっくり寝かせるのがよいのう。おまえさんの心は尊いよ。"),
            bad(MEDICAL_JUDGEMENT, HIDE, LISTEN, NORMAL, "しばらく様子を見て構わんじゃろう。わしはここにおるよ。"),
            bad(MEDICAL_JUDGEMENT, HIDE, LISTEN, NORMAL, "It sounds like a mild cold, nothing to worry about! 今夜は、わしがそばにおるよ。"),
            // ---------------------------------------------------------------- sentence count, empty, too long
            bad(SENTENCE_COUNT, TAMA, PRAISE, NORMAL, "えらいよ。"),
            bad(SENTENCE_COUNT, TAMA, LISTEN, DEEP, "つらかったねぇ。あたしはここにいるよ。ちゃんと聞いてるからね。言葉にしてくれてうれしいよ。"
                    + "どんな気持ちもそのままでいいんだよ。大丈夫だよ。"),
            bad(SENTENCE_COUNT, MADOKA, LISTEN, NORMAL, "話してくれてありがとう。その気持ちは自然なことよ。整理がつかなくても大丈夫。私はあなたの味方よ。"),
            bad(SENTENCE_COUNT, MADOKA, PRAISE, DEEP, "よく頑張ったわね。あなたの工夫は本物よ。その積み重ねは確かな力よ。今日の一歩は実績になるわ。"
                    + "自信を持っていいのよ。本当に立派だと思う"),
            bad(SENTENCE_COUNT, HIDE, PRAISE, DEEP, "よく生き抜いたのう。その姿勢が尊いのじゃ。今夜わしは拍手を送ろう。"),
            bad(SENTENCE_COUNT, HIDE, LISTEN, NORMAL, "言葉を届けてくれてありがとう"),
            bad(EMPTY, TAMA, PRAISE, NORMAL, "   \n "),
            bad(EMPTY, HIDE, LISTEN, DEEP, ""),
            bad(TOO_LONG, MADOKA, PRAISE, DEEP, "あなたはよくやっているわ。".repeat(31)));

    static final List<Labelled> GOOD = List.of(
            good(TAMA, PRAISE, NORMAL, "公園で子どもと思いきり遊んだんだねぇ、あんたの笑顔が目に浮かぶよ。大丈夫、あんたは本当によくやってる。"),
            good(TAMA, LISTEN, NORMAL, "泣きたいときは泣いていいんだよ。あたしはここで聞いてるからね、大丈夫だよ。"),
            good(TAMA, PRAISE, DEEP, "熱を出した子を一晩中看病したんだねぇ。眠いのに、よくそばにいてあげたよ。"
                    + "あんたの優しさは、ちゃんと子どもに届いてるよ。あたしは胸を張ってほめたいよ。大丈夫だよ。"),
            good(TAMA, LISTEN, NORMAL, "いろいろ試してきたんだねぇ、それだけ真剣なんだよ。大丈夫、あたしがついてるからね。"),
            good(TAMA, PRAISE, NORMAL, "嫌がる子に薬を飲ませたんだねぇ、根気がいったろうに。大丈夫だよ、あんたは本当によくやってる。"),
            good(TAMA, PRAISE, NORMAL, "誰かと比べなくていいんだよ、あんたはあんたのままで十分さ。大丈夫だよ。"),
            good(TAMA, LISTEN, NORMAL, "明日はゆっくり眠れるといいなぁ、あたしはそう願ってるよ。大丈夫だよ。"),
            good(TAMA, PRAISE, NORMAL, "やったじゃないか！お弁当を作れたんだねぇ、えらいよ本当に。大丈夫だよ。"),
            good(TAMA, PRAISE, NORMAL, "あんたが昔から頑張ってきたこと、あたしは知ってるよ。大丈夫だよ。"),
            good(TAMA, LISTEN, NORMAL, "そういう日もあるよねぇ、胸を張っていいんだよ。今日はここまでで大丈夫だよ。"),
            good(MADOKA, PRAISE, NORMAL, "仕事の後に夕飯とお風呂まで回したのは、段取り力の結果よ。あなたはよくやっているわ。"),
            good(MADOKA, LISTEN, NORMAL, "不安になるのは、それだけ真剣に考えているからよね。その気持ちを否定せずに置いておいていいのよ。"),
            good(MADOKA, PRAISE, DEEP, "離乳食を完食してもらえたのは、あなたの工夫の積み重ねよね。食材や形を考えてきた時間が、ちゃんと実を結んだのよ。"
                    + "誰かに評価されなくても、その努力は確かに存在しているわ。自信を持っていいのよ。"),
            good(MADOKA, LISTEN, NORMAL, "子どもの様子をずっと気にかけてきたのね。あなたの感じ方は、とても自然なものよ。"),
            good(MADOKA, PRAISE, NORMAL, "小児科に連れて行ったのは、あなたの確かな判断よ。あなたはよくやっているわ。"),
            good(MADOKA, PRAISE, NORMAL, "忙しい中でも子どもを見ているあなたの判断力は、立派な強みよ。今日のあなたの頑張りは、確かに意味のあるものよ。"),
            good(MADOKA, LISTEN, DEEP, "体調を崩したお子さんのそばで、一晩中起きていたのね。それはとても重いことだと思う。"
                    + "心配になるのは、それだけ大切に思っているからよ。あなたの気持ちは、ちゃんとここで受け止めたわ。"),
            good(MADOKA, LISTEN, NORMAL, "また今日のことを聞かせてね。あなたはよくやっているわ。"),
            good(MADOKA, PRAISE, NORMAL, "話してくれてありがとう。あなたが選んだやり方には、ちゃんと理由と愛情があるのよね。"),
            good(MADOKA, PRAISE, NORMAL, "色々な方法を試しているのね、その工夫があなたの強みよ。自信を持っていいのよ。"),
            good(HIDE, PRAISE, NORMAL, "成し遂げたことよりも、そこへ向かったおまえさんの心根が美しいのじゃ。今夜、わしは静かに拍手を送ろう。"),
            good(HIDE, LISTEN, NORMAL, "眠れぬ夜もあるものじゃ。わしはここで、おまえさんの話を聞いておるよ。"),
            good(HIDE, LISTEN, DEEP, "寂しさを抱えた夜じゃったのう。言葉にしてくれて、ありがとう。急いで答えを探さずとも、今の気持ちのままでよいのじゃ。"
                    + "わしも若い頃、眠れぬまま空を見上げたものじゃ。長い夜も、おまえさんはひとりではないよ。"),
            good(HIDE, PRAISE, NORMAL, "子の様子を見てくれていたおまえさんの眼差しは、温かいのう。今夜の月も、その歩みを見ておるよ。"),
            good(HIDE, PRAISE, DEEP, "何をしたかよりも、どんな心で日々に向き合っておるかが尊いのじゃ。子を思うその在り方は、ひとつの詩のようじゃよ。"
                    + "不器用でも誠実であろうとする心は、何よりも強いものじゃ。今夜のおまえさんに、わしは静かに拍手を送ろう。"),
            good(HIDE, PRAISE, NORMAL, "誰も見ておらぬところでの踏ん張りも、わしには見えておるよ。おまえさんの一日に、穏やかな夜が訪れますように。"),
            good(HIDE, LISTEN, NORMAL, "おやすみなさい、今夜はわしがそばにおるよ。長い夜も、おまえさんはひとりではないよ。"));

    static Stream<Labelled> bad() {
        return BAD.stream();
    }

    static Stream<Labelled> good() {
        return GOOD.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad")
    void aBadReply_failsWithItsCode(Labelled labelled) {
        assertThat(check.check(labelled.reply(), labelled.mood(), labelled.level())).as(labelled.toString())
                .contains(labelled.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("good")
    void aGoodReply_passes(Labelled labelled) {
        assertThat(check.check(labelled.reply(), labelled.mood(), labelled.level())).as(labelled.toString()).isEmpty();
    }

    @Test
    void theLabelledLists_coverEveryCodeAndEveryVoice() {
        assertThat(BAD).hasSizeGreaterThanOrEqualTo(40);
        assertThat(GOOD).hasSizeGreaterThanOrEqualTo(20);
        assertThat(BAD.stream().map(Labelled::expected).collect(Collectors.toSet()))
                .isEqualTo(EnumSet.complementOf(EnumSet.of(ReplyViolation.GUARDRAIL)));
        for (ReplyViolation code : List.of(ADVICE, COMPARISON, MEDICAL_JUDGEMENT, SENTENCE_COUNT)) {
            assertThat(BAD.stream().filter(l -> l.expected() == code).map(Labelled::voice).collect(Collectors.toSet()))
                    .as(code + " in every voice").containsExactlyInAnyOrder(AiCharacter.values());
        }
        assertThat(GOOD.stream().map(Labelled::voice).collect(Collectors.toSet())).containsExactlyInAnyOrder(AiCharacter.values());
    }

    @Test
    void theBadRepliesContent_isWhatFails_notTheirLength() {
        // each content case has its level's sentence count, so the rule and not the length is what is tested
        BAD.stream().filter(l -> Set.of(ADVICE, COMPARISON, MEDICAL_JUDGEMENT).contains(l.expected())).forEach(l -> {
            int count = ReplyCheck.sentenceCount(l.reply());
            assertThat(count).as(l.toString()).isBetween(l.level().minSentences(), l.level().maxSentences());
        });
    }

    @Test
    void sentences_areCountedByTheirTerminators_plusAnUnterminatedTail() {
        assertThat(ReplyCheck.sentenceCount("よく頑張ったね。えらいよ！")).isEqualTo(2);
        assertThat(ReplyCheck.sentenceCount("よく頑張ったね！？えらいよ。")).isEqualTo(2);
        assertThat(ReplyCheck.sentenceCount("よく頑張ったね。えらいよ")).isEqualTo(2);
        assertThat(ReplyCheck.sentenceCount("「よく頑張ったね。」")).isEqualTo(1);
        assertThat(check.check("えらいよ。大丈夫だよ。", PRAISE, NORMAL)).isEmpty();
        assertThat(check.check("えらいよ。大丈夫だよ。", PRAISE, DEEP)).contains(SENTENCE_COUNT);
    }

    @Test
    void theLengthLimit_isFourHundredCharacters() {
        String base = "あなたはよくやっているわ。";
        String atLimit = "あ".repeat(ReplyCheck.MAX_LENGTH - base.length() - 5) + "ですよ。" + base;
        assertThat(Texts.length(atLimit)).isEqualTo(ReplyCheck.MAX_LENGTH - 1);
        assertThat(check.check(atLimit, PRAISE, NORMAL)).isEmpty();
        assertThat(check.check(atLimit + "あ。", PRAISE, DEEP)).contains(TOO_LONG);
    }

    // ---------------------------------------------------------------- the offline generator and the fixed texts

    /** Messages of every kind the offline generator hashes into its phrase choices. */
    static final List<String> MESSAGES = List.of(
            "今日は子どもと公園で遊んで、本当に楽しかった！", "夜泣きが続いていて、もうくたくたです。",
            "初めて離乳食を完食してくれた。頑張って作ってよかった。", "保育園の準備がちゃんとできているか不安で眠れない。",
            "子どもに強く言いすぎて、悲しくて涙が出た。", "仕事から帰って、洗濯と夕飯とお風呂を全部こなした。",
            "特に何もない一日だったけど、書いておこうと思う。", "朝から雨で、子どもと家で絵本を読んでいた。",
            "上の子が下の子にお菓子を分けてあげていた。", "ワンオペで寝かしつけまで終わった、しんどい。",
            "今日はちゃんとお弁当を作れた、やった！", "義実家に行ってきて、気を使って疲れた。",
            "熱を出した子を一晩中看病した。", "イヤイヤ期で毎日が戦いです。", "トイレトレーニングがうまくいった！",
            "保育園のお迎えに間に合った。", "寝不足で頭が回らない。", "公園デビューしてきました。",
            "子どもが初めて歩いた！", "今日は怒ってばかりで自己嫌悪。", "夫が早く帰ってきて助かった。",
            "ママ友とランチに行けた。", "子どもが寝たあとに一人でコーヒーを飲んだ。", "予防接種に連れて行った。",
            "お風呂で子どもが笑ってくれた。", "仕事で失敗して落ち込んでいる。", "誕生日ケーキを手作りした。",
            "夜中に三回起きた。", "兄弟げんかの仲裁で一日が終わった。", "子どもの言葉が増えてきて嬉しい。",
            "何もできなかった気がする。", "朝ごはんを全部食べてくれた。", "寂しくて誰かと話したい。",
            "明日の発表会が心配。", "今日は雨で外に出られなかった。", "洗濯物が山のようにたまっている。",
            "子どもと一緒に料理をした。", "帰りの電車で泣きそうになった。", "久しぶりにぐっすり眠れた。",
            "疲れた", "うれしい！", "不安", "できた！", "悲しい", "今日のこと");

    @Test
    void everyReplyTheOfflineGeneratorComposes_passes() {
        OfflineReplyGenerator offline = new OfflineReplyGenerator();
        EmotionAnalyzer analyzer = new EmotionAnalyzer();
        List<Optional<Emotion>> emotions = new ArrayList<>();
        emotions.add(Optional.empty());
        Arrays.stream(Emotion.values()).map(Optional::of).forEach(emotions::add);
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (String message : MESSAGES) {
            List<Optional<Emotion>> forMessage = new ArrayList<>(emotions);
            forMessage.add(analyzer.analyze(message).primary());
            for (AiCharacter character : AiCharacter.values()) {
                for (Mood mood : Mood.values()) {
                    for (PraiseLevel level : PraiseLevel.values()) {
                        for (Optional<Emotion> emotion : forMessage) {
                            String reply = offline.generate(new ReplyRequest(character, mood, level, message, List.of(), emotion)).text();
                            check.check(reply, mood, level).ifPresent(v -> failures.add(v + ": " + reply));
                            checked++;
                        }
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(MESSAGES.size() * 12 * 6);
        assertThat(failures).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(AiCharacter.class)
    void everyPhraseOfTheOfflineVoices_passesTheContentRules(AiCharacter character) {
        OfflineReplyGenerator.voice(character).allPhrases()
                .forEach(phrase -> assertThat(ReplyCheck.contentViolation(phrase)).as(phrase).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(AiCharacter.class)
    void theNeutralReplies_passInBothMoodsAndSpeakInTheVoice(AiCharacter character) {
        for (PraiseLevel level : PraiseLevel.values()) {
            String reply = NeutralReplies.reply(character, level);
            for (Mood mood : Mood.values()) {
                assertThat(check.check(reply, mood, level)).as(character + " " + level + " " + mood).isEmpty();
            }
            switch (character) {
                case TAMA -> assertThat(reply).contains("大丈夫").doesNotContain("わし", "あなた", "おまえさん");
                case MADOKA -> assertThat(reply).contains("あなた").doesNotContain("あたし", "わし", "あんた", "おまえさん");
                case HIDE -> assertThat(reply).contains("夜").doesNotContain("あたし", "あなた", "あんた");
            }
        }
    }

    @Test
    void theStampReplies_passToo() {
        StampReplies stamps = new StampReplies();
        for (AiCharacter character : AiCharacter.values()) {
            for (EmotionStamp stamp : EmotionStamp.values()) {
                String reply = stamps.reply(character, stamp);
                assertThat(check.check(reply, PRAISE, NORMAL)).as(reply).isEmpty();
            }
        }
    }
}
