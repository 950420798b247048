package jp.homebiyori.ai;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import static jp.homebiyori.ai.SafetyText.any;
import static jp.homebiyori.ai.SafetyText.is;
import static jp.homebiyori.ai.SafetyText.next;

/**
 * What the safety step looks for, category by category, on a {@link SafetyText}. Three layers:
 * <ol>
 *   <li>words that mean one thing however they are used (自殺, 虐待, DV), over the normalized text;</li>
 *   <li>phrases in kana (シニタ, キエタ …), over the typed and the read kana streams, so inflections and
 *       kana spellings count alike;</li>
 *   <li>constructions over morphemes: a wish (verb + たい), a wish not to wake (来る/覚める + なければ),
 *       a means near a verb (薬 … 全部 … 飲む), and for a harm verb (叩く, 殴る, 蹴る …) its voice and
 *       roles — who does it to whom: 子どもを叩い (the parent to the child) is not 子どもに叩かれ (play),
 *       夫に殴られ is violence — and whether it was held back (叩きそうになったけど離れた).</li>
 * </ol>
 * Categories are decided in {@link SafetyCheck}'s order: a self-harm signal outranks everything.
 */
final class SafetySignals {

    static final Set<String> CHILD = Set.of("子", "子ども", "こども", "子供", "息子", "娘", "赤ちゃん", "あかちゃん", "赤ん坊",
            "我が子", "わが子", "長男", "長女", "次男", "次女", "三男", "三女", "乳児", "幼児", "新生児", "ベビー", "児", "上の子", "下の子",
            "チビ", "ちび", "坊", "娘っ子", "子たち", "子達", "子どもたち", "子供たち", "孫", "kid", "kids", "child", "baby", "son", "daughter");
    static final Set<String> PARTNER = Set.of("夫", "旦那", "だんな", "ダンナ", "旦那さん", "主人", "妻", "嫁", "彼氏", "彼女", "パートナー",
            "元夫", "元妻", "配偶者", "義父", "義母", "姑", "舅", "彼", "相手", "父親", "母親", "親", "夫婦", "同居人", "元彼",
            "husband", "wife", "partner", "boyfriend", "girlfriend");
    static final Set<String> SELF = Set.of("私", "わたし", "あたし", "僕", "ぼく", "俺", "おれ", "自分", "うち", "me", "i");
    /** Verbs of bodily harm (base forms); 叩く covers 叩い/叩か/叩き. */
    static final Set<String> HARM_VERBS = Set.of("叩く", "たたく", "殴る", "なぐる", "蹴る", "ける", "蹴飛ばす", "つねる", "抓る",
            "揺さぶる", "突き飛ばす", "押し倒す", "投げる", "投げ飛ばす", "はたく", "ぶつ", "ひっぱたく", "引っぱたく", "叩きつける",
            "踏みつける", "殴りつける", "痛めつける", "絞める", "しめる", "噛む", "傷つける", "ぶん殴る", "どつく", "小突く");
    /** Words that make a harm verb play, sleep or pregnancy (赤ちゃんに蹴られて目が覚めた). */
    private static final Pattern PLAY = Pattern.compile(
            "ごっこ|遊び|遊ん|あそび|あそん|寝相|寝返り|胎動|お腹の中|おなかの中|寝ぼけ|寝ながら|ふざけ|じゃれ|プロレス|くすぐ|キック力|元気"
                    + "|ボール|太鼓|ドラム|布団を|おもちゃ|ハエ|蚊|虫|笑|w$|ww|ゲーム|試合|練習|空手|柔道|サッカー|キックボード");
    /** A harm held back: 叩きそう … けど/でも … 離れた/深呼吸/我慢. */
    private static final Pattern RESTRAINT = Pattern.compile(
            "(けど|けれど|が、|でも|ところで|寸前で|前に)[^。!?]{0,20}(離れ|はなれ|我慢|がまん|こらえ|堪え|踏みとどま|踏み止ま|深呼吸|止め|やめ|抑え|おさえ|落ち着"
                    + "|別の部屋|トイレ|ベランダに出|外に出て|数を数え|手を引っ込め|しなかった|せずに|しないで|耐え)");

    private SafetySignals() {
    }

    // --- self-harm ---------------------------------------------------------------------------------

    private static final Pattern SELF_HARM_WORDS = Pattern.compile(
            "自殺|自死|自傷|リスカ|リストカット|アムカ|オーバードーズ|\\bod\\b|odし|odした|odしそう|心中|道連れ|みちづれ|飛び降り|とびおり|飛びおり"
                    + "|首(を)?(吊|つ[りろるっ])|首つり|練炭|遺書|死に場所|死に方|死ぬ方法|楽に死|死んだら楽|死ねたら|死ねば|死ぬしか|死のう|死のうと"
                    + "|生きる意味|生きてる意味|生きている意味|生きてく意味|生きてても|生きていても仕方|生きる価値|生きてる価値|生きている価値"
                    + "|生きるのが(つら|辛|しんど|嫌|いや|疲れ|めんど|面倒)|生きていくのが(つら|辛|しんど|嫌|疲れ)|生きてるのが(つら|辛|しんど|嫌|疲れ)"
                    + "|この世から|存在(ごと|を)?消|生まれてこなければ|生まれてこなきゃ|生まれなければよかった|消えてなくな|きえてなくな|いなくなれ(たら|ば)"
                    + "|(いない|居ない|いなくなった|居なくなった|消えた)(方|ほう)が(いい|幸せ|しあわせ|まし|マシ|楽|良い|よい)"
                    + "|(いない|居ない)(方|ほう)が[^。!?]{0,12}(幸せ|しあわせ|いい|楽|まし|マシ)"
                    + "|私(なんか|なんて)(いない|居ない|いらない|要らない|いなければ|消え)|わたし(なんか|なんて)(いない|いらない|消え)"
                    + "|(死んだ|しんだ)(方|ほう)が(まし|マシ|いい|楽)|死にたい|消えたい|いなくなりたい|居なくなりたい|蒸発したい"
                    + "|終わりにしたい|終わらせたい|おわりにしたい|おわらせたい|全部やめたい|人生(を)?(やめ|終わ|おわ)|人生リタイア"
                    + "|目が覚めなければ|目覚めなければ|目が覚めなきゃ|朝が来なければ|朝が来なきゃ|明日が来なければ|明日が来なきゃ|明日なんて来なく|明日(は|が)?来なくていい"
                    + "|朝(なんて|が|は)?(来|こ)なくていい|眠ったまま|ねむったまま|起きなくていいなら|永遠に眠|ずっと眠っていたい|二度と起きたくない|2度と起きたくない"
                    + "|\\bkill(ing)? myself\\b|\\bsuicid|\\bwant(s)? to die\\b|\\bwanna die\\b|\\bend (my|it all)\\b|\\bend my life\\b"
                    + "|\\bself[- ]?harm|\\bhurt(ing)? myself\\b|\\bcut(ting)? myself\\b|\\b(don't|do not|dont) want to (live|be here|wake up)\\b"
                    + "|\\bbetter off (dead|without me)\\b|\\bdisappear forever\\b|\\bnot wake up\\b|\\bno reason to live\\b|\\boverdose\\b");
    private static final Pattern SELF_HARM_KANA = Pattern.compile(
            "シニタ[イクカケ]|シンジャイタ|シンデシマイタ|シンジマイタ|シネタラ|シネバ(ラク|イイ)|シノウ(カナ|カ|ト|ヨ)|キエタ[イクカケ]|キエテシマイタ|キエチャイタ"
                    + "|キエテナクナリタ|イナクナリタ|ジサツ|リスカ|シンダホウガ(マシ|イイ|ラク)|イキテルイミ|イキルイミ");
    /** Hyperbole that says 消えたい/死にそう about embarrassment or laughter: not a wish to die. */
    private static final Pattern HYPERBOLE = Pattern.compile(
            "恥ずかし|はずかし|ハズカシ|穴があったら|穴があれば|笑いすぎ|笑い死|わらいすぎ|死ぬほど(笑|わら|ウケ|うけ|美味|おいし|うま|かわい|可愛|眠|ねむ|好き)"
                    + "|推し|尊(い|すぎ)|黒歴史|やらかし");
    private static final Set<String> MEANS_DRUG = Set.of("薬", "くすり", "クスリ", "睡眠薬", "睡眠導入剤", "導入剤", "安定剤", "精神安定剤", "抗うつ剤",
            "頭痛薬", "風邪薬", "鎮痛剤", "錠剤", "眠剤", "市販薬", "処方薬", "薬局", "サプリ");
    private static final Pattern MEANS_AMOUNT = Pattern.compile("全部|ぜんぶ|まとめて|大量|一気|いっぱい|たくさん|ありったけ|ためて|貯め|溜め|残り全部|一瓶|1瓶|一箱|1箱|錠|シート");
    private static final Set<String> HEIGHT_PLACE = Set.of("ベランダ", "屋上", "窓", "線路", "ホーム", "橋", "踏切", "踏み切り", "崖", "高層", "マンション",
            "電車", "ビル", "階", "川", "海", "歩道橋", "高い所", "高いところ");
    private static final Pattern HEIGHT_ACT = Pattern.compile(
            "飛び降り|とびおり|飛びおり|飛び込|とびこ|飛んだら|飛べたら|飛べば|落ちたら|落ちれば|落ちてしまいたい|吸い込まれ|すいこまれ|身を乗り出|乗り越え(たら|れば|そう)"
                    + "|楽になれ|楽になる(かな|のかな)|一歩踏み出|足が(向|むか)");

    static boolean selfHarm(SafetyText t) {
        boolean hyperbole = t.textHas(HYPERBOLE);
        if (!hyperbole && (t.textHas(SELF_HARM_WORDS) || t.kanaHas(SELF_HARM_KANA))) {
            return true;
        }
        if (hyperbole && t.textHas(Pattern.compile("自殺|自死|自傷|リスカ|心中|道連れ|飛び降り|遺書|od"))) {
            return true;
        }
        for (List<Morpheme> s : t.sentences) {
            String sentence = t.textOf(s);
            if (!hyperbole && wishToVanish(s)) {
                return true;
            }
            // a means: pills, taken all at once; a height, and falling or jumping from it
            if (any(s, m -> SafetyText.base(m, MEANS_DRUG)) && MEANS_AMOUNT.matcher(sentence).find()
                    && any(s, is("飲む", "のむ", "呑む")) && !causative(s)) {
                return true;
            }
            if ((any(s, m -> SafetyText.base(m, HEIGHT_PLACE)) || sentence.contains("高いところ") || sentence.contains("高い所"))
                    && HEIGHT_ACT.matcher(sentence).find() && !childIsSubject(s)) {
                return true;
            }
            if (sentence.matches(".*(手首|腕|うで|手)(を)?(切|き[っりろる]).*") && !sentence.matches(".*(包丁|料理|紙|カッター|爪).*")) {
                return true;
            }
        }
        return false;
    }

    /** 死ぬ/消える/いなくなる … + たい (wish), 死ぬ + う (volition), 死ぬ + ば/たら + 楽/いい. */
    private static boolean wishToVanish(List<Morpheme> s) {
        for (int i = 0; i < s.size(); i++) {
            Morpheme m = s.get(i);
            if (!m.isVerb()) {
                continue;
            }
            String verb = m.baseForm();
            boolean dying = verb.equals("死ぬ") || verb.equals("しぬ") || verb.equals("逝く");
            boolean vanishing = verb.equals("消える") || verb.equals("きえる") || verb.equals("消え去る") || verb.equals("いなくなる")
                    || verb.equals("居なくなる") || verb.equals("蒸発") || (verb.equals("なくなる") && i > 0 && s.get(i - 1).surface().equals("て"));
            if (!dying && !vanishing) {
                continue;
            }
            if (verb.equals("逝く") && !any(s, is("たい"))) {
                continue;
            }
            int wish = next(s, i, 4, x -> x.isAuxiliary() && x.baseForm().equals("たい"));
            if (wish >= 0 && !negatedWish(s, wish)) {
                return true;
            }
            if (dying) {
                if (next(s, i, 1, x -> x.baseForm().equals("う") && x.isAuxiliary()) >= 0) {
                    return true; // 死のう
                }
                int condition = next(s, i, 3, x -> x.surface().matches("ば|たら|だら|なら|れば"));
                if (condition >= 0 && next(s, condition, 4, x -> x.baseForm().matches("楽|いい|良い|よい|すむ|済む")) >= 0) {
                    return true; // 死ねば楽, 死んだらいい
                }
            }
        }
        return false;
    }

    /** 死にたくない (a wish *not* to die, 「死にたくないから頑張る」) is not a wish to die. */
    private static boolean negatedWish(List<Morpheme> s, int wish) {
        int neg = next(s, wish, 1, x -> x.baseForm().equals("ない") || x.baseForm().equals("ぬ"));
        if (neg < 0) {
            return false;
        }
        // 死にたくないわけじゃない, 消えたくないと言ったら嘘 → still a wish
        return next(s, neg, 4, x -> x.surface().equals("わけ") || x.surface().equals("嘘") || x.surface().equals("うそ")) < 0;
    }

    /** 飲ませる: a parent giving medicine to a child (a medical question), not taking it. */
    private static boolean causative(List<Morpheme> s) {
        for (int i = 0; i < s.size(); i++) {
            if (s.get(i).baseForm().matches("飲む|のむ") && next(s, i, 1, x -> x.baseForm().matches("せる|させる")) >= 0) {
                return true;
            }
            if (s.get(i).baseForm().matches("飲ませる|のませる")) {
                return true;
            }
        }
        return false;
    }

    private static boolean childIsSubject(List<Morpheme> s) {
        for (int i = 0; i + 1 < s.size(); i++) {
            if (isChild(s, i) && s.get(i + 1).surface().matches("が|は|も")) {
                return true;
            }
        }
        return false;
    }

    // --- harm verbs: who does what to whom ---------------------------------------------------------

    enum Harm { NONE, TO_CHILD, TO_WRITER }

    /** The worst harm a sentence of the message describes. */
    static Harm harm(SafetyText t) {
        Harm worst = Harm.NONE;
        for (List<Morpheme> s : t.sentences) {
            String sentence = t.textOf(s);
            boolean play = PLAY.matcher(sentence).find();
            for (int i = 0; i < s.size(); i++) {
                Morpheme m = s.get(i);
                boolean harmVerb = m.isVerb() && (HARM_VERBS.contains(m.baseForm()) || HARM_VERBS.contains(m.surface()))
                        && !(m.baseForm().equals("投げる") && !objectIsPerson(s, i));
                boolean handRaised = m.baseForm().matches("上げる|あげる") && i >= 2 && s.get(i - 1).surface().equals("を")
                        && s.get(i - 2).surface().equals("手");
                boolean handOut = m.baseForm().matches("出る|でる") && i >= 2 && s.get(i - 1).surface().equals("が")
                        && s.get(i - 2).surface().equals("手");
                boolean strangle = m.baseForm().matches("絞める|締める|しめる") && sentence.contains("首");
                if (!harmVerb && !handRaised && !handOut && !strangle) {
                    continue;
                }
                if (m.baseForm().matches("絞める|締める|しめる") && !strangle) {
                    continue;
                }
                Harm h = roles(s, i, sentence, play, handRaised || handOut);
                if (h.ordinal() > worst.ordinal()) {
                    worst = h;
                }
            }
        }
        return worst;
    }

    private static Harm roles(List<Morpheme> s, int verb, String sentence, boolean play, boolean hand) {
        boolean passive = next(s, verb, 1, x -> x.baseForm().matches("れる|られる") && (x.partOfSpeech().startsWith("動詞-接尾")
                || x.isAuxiliary())) >= 0;
        String agent = null;
        String object = null;
        String subject = null;
        for (int j = verb - 1; j >= 0 && j >= verb - 10; j--) {
            Morpheme p = s.get(j);
            if (!p.isParticle() || j == 0) {
                continue;
            }
            String who = who(s, j - 1);
            if (who == null) {
                continue;
            }
            switch (p.surface()) {
                case "を" -> object = object == null ? who : object;
                case "に", "から" -> agent = agent == null ? who : agent;
                case "が", "は", "も" -> subject = subject == null ? who : subject;
                default -> {
                }
            }
        }
        if (passive) {
            if ("partner".equals(agent) || "other".equals(agent)) {
                return "child".equals(subject) || "child".equals(object) ? Harm.TO_CHILD : Harm.TO_WRITER;
            }
            if ("child".equals(agent)) {
                return Harm.NONE; // 子どもに叩かれた, 赤ちゃんにお腹を蹴られた: a child's play or sleep
            }
            if (play) {
                return Harm.NONE;
            }
            if ("child".equals(subject)) {
                return Harm.TO_CHILD; // 子どもが(誰かに)叩かれた
            }
            return Harm.TO_WRITER; // 殴られた: someone hit the writer
        }
        // active: someone does it
        if (play && !"child".equals(object)) {
            return Harm.NONE;
        }
        if ("child".equals(subject) && !"child".equals(object)) {
            return Harm.NONE; // 子どもが友達を叩いた: a child's doing
        }
        if ("partner".equals(subject)) {
            if ("child".equals(object) || (object == null && mentionsChild(s))) {
                return Harm.TO_CHILD;
            }
            return Harm.TO_WRITER; // 夫が(私を)殴る
        }
        if (restrained(sentence, s, verb)) {
            return Harm.NONE;
        }
        if ("child".equals(object) || (hand && (object == null || "child".equals(object)))) {
            return play ? Harm.NONE : Harm.TO_CHILD;
        }
        if (object == null && regretOrFear(s, verb) && !play) {
            return Harm.TO_CHILD; // 叩いてしまった, 叩きそうで怖い — the parent's own act, told as such
        }
        if ("self".equals(object) && "partner".equals(subject)) {
            return Harm.TO_WRITER;
        }
        return Harm.NONE;
    }

    /** 叩いてしまう/ちゃう, 叩きそう, 叩きたくなる, 叩いた自分 — the writer's own act or urge. */
    private static boolean regretOrFear(List<Morpheme> s, int verb) {
        return next(s, verb, 4, x -> x.baseForm().matches("しまう|ちゃう|じゃう|そう|たい|たくなる|怖い|こわい")
                || x.surface().matches("ちゃ|ちゃっ|そう|たく|ちまっ")) >= 0;
    }

    /** 叩きそうになったけど離れた: a harm that did not happen, told as a harm held back. */
    private static boolean restrained(String sentence, List<Morpheme> s, int verb) {
        boolean almost = next(s, verb, 3, x -> x.surface().equals("そう") || x.baseForm().equals("かける") || x.baseForm().equals("たい")) >= 0;
        return almost && RESTRAINT.matcher(sentence).find();
    }

    private static boolean objectIsPerson(List<Morpheme> s, int verb) {
        for (int j = verb - 1; j >= 1 && j >= verb - 4; j--) {
            if (s.get(j).surface().equals("を")) {
                return who(s, j - 1) != null;
            }
        }
        return false;
    }

    private static boolean mentionsChild(List<Morpheme> s) {
        for (int i = 0; i < s.size(); i++) {
            if (isChild(s, i)) {
                return true;
            }
        }
        return false;
    }

    /** Who the noun phrase ending at {@code i} names: child, partner, self, other (a person), or null. */
    private static String who(List<Morpheme> s, int i) {
        if (i < 0) {
            return null;
        }
        if (isChild(s, i)) {
            return "child";
        }
        Morpheme m = s.get(i);
        if (PARTNER.contains(m.surface()) || PARTNER.contains(m.baseForm())
                || (m.surface().matches("さん|くん|君") && i > 0 && PARTNER.contains(s.get(i - 1).surface()))) {
            return "partner";
        }
        if (SELF.contains(m.surface())) {
            return "self";
        }
        if (m.partOfSpeech().startsWith("名詞-固有名詞-人名") || m.surface().matches("義[父母兄姉]|兄|姉|弟|妹|父|母|祖母|祖父|先生|上司|誰か|人")) {
            return "other";
        }
        return null;
    }

    /** 子ども, 赤ちゃん, 息子 …, also a name with ちゃん/くん (たろうくん) and 上の子/下の子/この子/うちの子. */
    static boolean isChild(List<Morpheme> s, int i) {
        Morpheme m = s.get(i);
        if (CHILD.contains(m.surface()) || CHILD.contains(m.baseForm())) {
            return true;
        }
        if (m.surface().matches("ちゃん|くん|君|たん") && i > 0 && (s.get(i - 1).partOfSpeech().startsWith("名詞")
                || s.get(i - 1).partOfSpeech().startsWith("未知語"))
                && !PARTNER.contains(s.get(i - 1).surface())) {
            return !s.get(i - 1).surface().matches("赤|お母|お父|おばあ|おじい|ばあ|じい|お姉|お兄");
        }
        return m.surface().endsWith("子") && m.surface().length() <= 3 && m.surface().matches("(上の|下の|この|うちの|我が|末っ)?子");
    }

    // --- child abuse without a harm verb, and violence by a partner --------------------------------

    private static final Pattern ABUSE_WORDS = Pattern.compile(
            "虐待|ぎゃくたい|ネグレクト|育児放棄|育児を放棄|手を(あげ|上げ)(て|ちゃ|そう|たく|かけ|る)|手が出(て|ちゃ|そう|る)"
                    + "|(子|こども|子ども|子供|息子|娘|赤ちゃん|この子|我が子)(が|のことが|の事が|を)?(憎|にく)い"
                    + "|(子|こども|子ども|子供|息子|娘|赤ちゃん|この子)(を|のこと|の事)?[^。!?]{0,6}(かわいいと思えない|可愛いと思えない|愛せない|いらない|要らない|邪魔)"
                    + "|(ベランダ|外|玄関の外|家の外|部屋|物置|押し入れ|トイレ|クローゼット)(に|へ)?[^。!?]{0,10}(出して|締め出|閉じ込め|とじこめ)[^。!?]{0,12}(鍵|カギ|かぎ|ロック|閉め)"
                    + "|締め出し|閉じ込め|とじこめ|(ご飯|ごはん|食事|ミルク)(を)?[^。!?]{0,6}(あげ|与え|作ら|作って)(ない|なかった|てない|ていない|なくなっ)"
                    + "|(何日も|何日|ずっと)[^。!?]{0,10}(お風呂|風呂|オムツ|おむつ)[^。!?]{0,10}(入れて|替えて|変えて)(ない|いない|あげてない)"
                    + "|(置き去り|おきざり|放置)(して|した|してる|しちゃ|しそう)|(一人|ひとり|1人)(で|に)?(置いて|残して)[^。!?]{0,10}(出かけ|でかけ|出て|遊び|飲み|パチンコ)"
                    + "|(子|こども|子ども|子供|息子|娘|赤ちゃん|この子)[^。!?]{0,8}(首を?(絞|締|しめ)|口を?(塞|ふさ)|投げ(つけ|飛ば|た)|壁に)"
                    + "|(ぶって|ぶっちゃ|ぶってしま|つねって|つねっちゃ|揺さぶっ)"
                    + "|\\bchild abuse\\b|\\babus(e|ing|ed) (my|the|our) (child|kid|kids|son|daughter|baby)"
                    + "|\\b(hit|hitting|beat|beating|shake|shook|shaking|hurt|hurting|slap|slapped|smack|smacked|spank|spanked) (my|the|our) "
                    + "(child|kid|kids|son|daughter|baby|toddler)|\\bneglect|\\bafraid i('ll| will| might)? (hurt|hit|shake)\\b");

    private static final Pattern VIOLENCE_WORDS = Pattern.compile(
            "\\bdv\\b|ドメスティック|モラハラ|モラル・?ハラスメント|経済的dv|精神的dv|暴力を(振る|ふる)われ|暴力を(受け|うけ)|暴力(が|を)?振る|暴力的"
                    + "|首を(絞め|しめ|締め)られ|殺される|殺すぞ|殺す(と|って)(言|い)われ|殺してやる|ぶっ殺|死ね(って|と|よ)(言|い)われ|死ねって|死ねと"
                    + "|(怒鳴|どな)られ|(脅|おど)され|(物|もの|皿|コップ|リモコン|携帯|スマホ)を(投げ|なげ)(られ|つけられ|てくる|つけてくる)"
                    + "|(壁|ドア|机|テーブル)を(殴|蹴|叩|たた)(る|って|いて|った|かれ)|(壁|ドア)に穴"
                    + "|(スマホ|携帯|ケータイ|財布|通帳|カード|鍵)(を)?[^。!?]{0,8}(取り上げ|とりあげ|奪わ|隠され|壊され|勝手に見|チェックされ|監視)"
                    + "|(連絡|電話|相談|外出|仕事|買い物)(を|も|すら|さえ)?[^。!?]{0,8}(させてもらえ|させてくれ|許してもらえ|禁止|禁じ|止められ|とめられ)"
                    + "|(実家|友達|友人|親)(に|と)?[^。!?]{0,10}(会わせてもらえ|連絡させてもらえ|会うのを禁止|連絡を禁止|会わせない|連絡させない)"
                    + "|(生活費|お金|おかね|給料)(を)?[^。!?]{0,6}(渡して|わたして|くれ|もらえ)(もらえない|くれない|ない|ず)"
                    + "|(生活費|お金)(を)?(渡さない|くれない|もらえない)|監視され|束縛が|束縛され|行動(を)?[^。!?]{0,6}管理され|gps(を|で)?[^。!?]{0,6}(監視|つけられ)"
                    + "|人格(を|まで)?否定|(お前|おまえ)(なんか|なんて|は)?[^。!?]{0,10}(価値がない|役立たず|出ていけ|出て行け|クズ|ゴミ)"
                    + "|(無視|むし)(され続け|を続け|し続けられ)|無理やり|無理矢理|むりやり|嫌がっても|拒否(しても|すると)[^。!?]{0,8}(怒|不機嫌|殴)"
                    + "|(家|うち)に帰るのが怖|(夫|旦那|主人|彼)(が|の)(こわ|怖)(い|くて)|(夫|旦那|主人|彼)(の)?(顔色|機嫌)(を)?(うかが|伺)"
                    + "|\\bdomestic (violence|abuse)\\b|\\babusive (husband|partner|boyfriend|wife|relationship|spouse)\\b"
                    + "|\\b(husband|partner|boyfriend|wife|spouse)\\b[^.!?]{0,30}\\b(hits|hit|beats|beat|kicks|kicked|punch\\w*|slap\\w*|chok\\w*"
                    + "|threat\\w*|abus\\w*|hurts|hurt|pushed|shoves|shoved|controls|won't let me|doesn't let me|took my phone)\\b"
                    + "|\\bafraid of (my )?(husband|partner|boyfriend)\\b|\\bthreatened to kill\\b");

    static boolean childAbuse(SafetyText t) {
        if (t.textHas(ABUSE_WORDS) && !t.textHas(Pattern.compile("虐待(じゃない|ではない|なんてしてない|のニュース|の記事|防止|の話)|ニュース|ドラマ|映画"))) {
            return !restrainedOnly(t);
        }
        return harm(t) == Harm.TO_CHILD;
    }

    /** 手をあげそうになったけど離れた: the only abuse word is held back in the same sentence. */
    private static boolean restrainedOnly(SafetyText t) {
        for (List<Morpheme> s : t.sentences) {
            String sentence = t.textOf(s);
            if (ABUSE_WORDS.matcher(sentence).find()) {
                boolean almost = sentence.matches(".*(そう|かけ|たく).*");
                if (!(almost && RESTRAINT.matcher(sentence).find())) {
                    return false;
                }
            }
        }
        return true;
    }

    static boolean violence(SafetyText t) {
        if (t.textHas(VIOLENCE_WORDS)) {
            return true;
        }
        return harm(t) == Harm.TO_WRITER;
    }

    // --- medical questions ------------------------------------------------------------------------

    private static final Pattern MEDICAL_TERMS = Pattern.compile(
            "(?<![情親加])熱(が|を|は|も|っぽ|で|の|に|,|、)|発熱|高熱|微熱|平熱|\\d+(\\.\\d)?度|[3-4][0-9](\\.\\d)?(℃|c\\b)|咳|せき(が|こ|込)|鼻水|鼻づまり|嘔吐|吐い|吐き|もど(し|す)"
                    + "|下痢|便秘|うんち(が|の色)|発疹|湿疹|ぶつぶつ|ブツブツ|じんましん|蕁麻疹|けいれん|痙攣|ひきつけ|薬|くすり|座薬|解熱剤|病気|症状|病院|受診"
                    + "|小児科|皮膚科|耳鼻科|眼科|歯医者|何科|救急|予防接種|ワクチン|注射|診断|アレルギー|アトピー|感染|インフル|コロナ|胃腸炎|中耳炎|rsウイルス|溶連菌|手足口"
                    + "|骨折|捻挫|やけど|火傷|頭を(打|ぶつ)|頭(を)?ぶつけ|落ちて頭|たんこぶ|誤飲|飲み込ん|黄疸|体重が(増え|減)|脱水|ぐったり|血便|出血|腫れ|はれ(て|た)"
                    + "|授乳中(に|の|でも)?[^。!?]{0,10}(飲|薬)|母乳(に|の)?[^。!?]{0,8}(薬|影響)|ml|ミリ|錠|量は|何回まで|副作用|生理|妊娠(中|初期)|つわり|出血|腹痛|頭痛|めまい"
                    + "|\\bfever\\b|\\btemperature\\b|\\bcough|\\brash\\b|\\bvomit|\\bdiarrh|\\bmedicine|\\bmedication|\\bdose\\b|\\bdosage\\b"
                    + "|\\bsymptom|\\bvaccin|\\ballerg|\\bdoctor\\b|\\bhospital\\b|\\bsick\\b|\\binfection\\b|\\bseizure|\\bibuprofen|\\btylenol");
    private static final Pattern QUESTION = Pattern.compile(
            "\\?|かな(?![りいしわ])|かなぁ|かね|ですか|ますか|でしょうか|だろうか|べき|いいの|いいん(だろう|でしょう|ですか)|どうしたら|どうすれば|何科|どこに行"
                    + "|(大丈夫|平気|問題ない|普通|正常|心配ない)(かな|でしょう|です|なの|だろう|か|\\?)|様子見(で|て)?(いい|平気|大丈夫)|行った(方|ほう)がいい"
                    + "|連れて(いく|行く)べき|飲ませて(も|いい)|あげて(も|いい)|使って(も|いい)|受診(した方|したほう|すべき)|教えて|わかりますか|知りたい"
                    + "|\\bshould i\\b|\\bis it (safe|normal|ok|okay|serious)\\b|\\bcan i (give|take)\\b|\\bwhat should\\b|\\bhow much\\b|\\bdo i need\\b");

    static boolean medicalQuestion(SafetyText t) {
        for (List<Morpheme> s : t.sentences) {
            String sentence = t.textOf(s);
            if (MEDICAL_TERMS.matcher(sentence).find() && QUESTION.matcher(sentence).find()) {
                return true;
            }
        }
        // a question mark in the next sentence (熱が39度ある。病院行くべき?)
        return t.textHas(MEDICAL_TERMS) && t.sentences.size() <= 3 && t.textHas(QUESTION);
    }

    // --- heavy life events ------------------------------------------------------------------------

    private static final Pattern HEAVY_WORDS = Pattern.compile(
            "離婚|りこん|別居|死別|亡くな|なくなりました|亡くし|他界|葬儀|葬式|お葬式|通夜|告別式|四十九日|一周忌|初盆|流産|りゅうざん|死産|稽留|天使ママ|お空に"
                    + "|空に(帰|かえ)|天国(に|へ)(行|い|旅立)|先立たれ|看取|虹の橋|息を引き取|旅立っ|急死|病死|事故で(死|亡)|がんで(死|亡)|お骨|遺影|仏壇|喪主|忌引"
                    + "|シングルになっ|シングルマザーになっ|別れることになっ|(夫|旦那|主人|妻|嫁)と別れ"
                    + "|\\bdivorc|\\bseparated from\\b|\\bpassed away\\b|\\bdied\\b|\\bdeath of\\b|\\bfuneral\\b|\\bmiscarr|\\bstillb|\\bbereave"
                    + "|\\blost (my|our) (mother|mom|mum|father|dad|husband|wife|baby|son|daughter|child|partner|grandma|grandpa)\\b");

    static boolean heavyLifeEvent(SafetyText t) {
        return t.textHas(HEAVY_WORDS) && !t.textHas(Pattern.compile("離婚(したい|しようかな|を考え|届)?(なんて)?(冗談|ドラマ)|ドラマ|映画|漫画|アニメ|ゲーム"));
    }

    // --- context ------------------------------------------------------------------------------------

    /** A short message that carries on a crisis told in the turns before it (もう無理, 限界, 助けて …). */
    private static final Pattern CARRIES_ON = Pattern.compile(
            "無理|むり|ムリ|限界|げんかい|助けて|たすけて|タスケテ|つらい|辛い|しんどい|苦しい|くるしい|疲れた|つかれた|どうでもいい|どうせ|さよなら|さようなら"
                    + "|ごめんね|ごめんなさい|ありがとう|もういい|もう嫌|もういや|いやだ|嫌だ|やっぱり|本気|ほんき|冗談じゃない|決めた|終わり|おわり|怖い|こわい|逃げたい"
                    + "|眠れない|ねむれない|一人|ひとり|誰も|だれも|わからない|分からない|\\.\\.\\.|…|😢|😭|💧|🥲|\\bhelp\\b|\\bcan't\\b|\\bsorry\\b|\\bgoodbye\\b");

    static boolean carriesOn(String message) {
        String text = Texts.normalize(message);
        return Texts.length(message) <= 40 && CARRIES_ON.matcher(text).find();
    }
}
