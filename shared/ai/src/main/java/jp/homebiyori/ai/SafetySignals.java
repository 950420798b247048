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
            "揺さぶる", "突き飛ばす", "押し倒す", "投げる", "投げ飛ばす", "投げつける", "放り投げる", "はたく", "ぶつ", "ひっぱたく", "引っぱたく", "叩きつける",
            "踏みつける", "殴りつける", "痛めつける", "しばく", "シバく", "絞める", "しめる", "噛む", "傷つける", "ぶん殴る", "どつく", "小突く");
    /** Verbs that harm only when a partner or another adult does them to the writer (押された, 髪をつかまれた). */
    static final Set<String> WEAK_HARM_VERBS = Set.of("押す", "つかむ", "掴む", "引きずる", "ひねる", "捻る", "引っ張る", "ひっぱる", "締め付ける",
            "押さえつける", "押さえ付ける", "突く", "閉じ込める", "縛る");
    /** Nouns of a blow, said with する/される (平手打ちされた, ビンタした). */
    static final Set<String> HARM_NOUNS = Set.of("平手打ち", "ビンタ", "びんた", "往復ビンタ", "げんこつ", "ゲンコツ", "パンチ", "グーパン", "蹴り", "暴力", "体罰", "虐待");
    /** Body parts: a harm verb with one as its object and no other doer named is the writer's act (お尻を叩いた). */
    static final Set<String> BODY = Set.of("お尻", "おしり", "尻", "頭", "あたま", "顔", "かお", "ほっぺ", "頬", "ほお", "手", "足", "背中", "腕", "腹", "お腹",
            "おなか", "口", "首", "耳", "体", "からだ", "太もも", "手の甲", "髪", "髪の毛", "かみ", "肩");

    /** Words that make a harm verb play, sleep or pregnancy (赤ちゃんに蹴られて目が覚めた). */
    private static final Pattern PLAY = Pattern.compile(
            "ごっこ|お腹の子|おなかの子|お腹の赤ちゃん|おなかの赤ちゃん|遊び|遊ん|あそび|あそん|寝相|寝返り|胎動|お腹の中|おなかの中|寝ぼけ|寝ながら|ふざけ|じゃれ|プロレス|くすぐ|キック力|元気"
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
                    + "|この世から|存在(ごと|を)?消|生まれてこなければ|生まれてこなきゃ|生まれなければよかった|消えてなくな|きえてなくな"
                    + "|生きる(こと|の)に(疲れ|つかれ)|生きてる(こと|の)に(疲れ|つかれ)|生きること(が|に)(疲れ|つら|しんど)"
                    + "|(なんの|何の|なん)ために生き|(どうして|なんで|何で)[^。!?]{0,6}生きて(る|いる)(んだ|の)"
                    + "|(薬|くすり|睡眠薬|眠剤|安定剤)(を)?(ため|貯め|溜め)(て|こ|込)|ドアノブ[^。!?]{0,8}(タオル|ひも|紐|ベルト|ロープ|コード)"
                    + "|(手首|腕|うで|リスト)(を)?(切|き[っりろるれ])|(カッター|カミソリ|かみそり|剃刀)(で|を)[^。!?]{0,8}(切|き[っりろるれ])"
                    + "|(海|川|山|遠く|樹海|崖|線路)[^。!?]{0,14}(そのまま|このまま)[^。!?]{0,8}(帰らな|戻らな|帰れな|消え|いなくな)"
                    + "|楽に(消え|死|逝)|(消える|消えられる|死ねる|死ぬ)方法|消えられる(の|かな)|確実に死|死ねる(の|か)"
                    + "|書き置き|置き手紙|(頼みます|よろしくお願いします|お願いします)[^。!?]{0,10}(メモ|手紙)|死にて(え|ぇ)"
                    + "|(もう|ずっと|二度と|永遠に)起きなくて(いい|いいかな)"
                    + "|(目|め)?(が)?(覚め|さめ|目覚め|めざめ)(なければ|なかったら|なきゃ|ないまま|ずに)[^。!?]{0,4}(いい|楽|よかった|すむ|済む)"
                    + "|(私|わたし|自分|あたし|ママ|俺|僕)(が|なんか|なんて)?[^。!?]{0,4}(いなくなっても|いなくても|消えても|死んでも)[^。!?]{0,10}(誰も|だれも|何も|困らない|気づかない|変わらない|悲しまない)"
                    + "|(ロープ|縄|練炭|七輪)[^。!?]{0,10}(買っ|用意|準備|使うか)|(今まで|いままで)(ありがとう|ありがと)[^。]{0,24}(さよなら|さようなら|ばいばい|バイバイ|疲れ)"
                    + "|\\bwant to disappear\\b|\\bend(ing)? it all\\b"
                    + "|(私|わたし|自分|俺|おれ|僕|ぼく|あたし|ママ|母親|父親)(だけ|が|なんか|なんて|さえ)?[^。!?]{0,8}(いなくな|消え)(って|れ|た|ちゃ)[^。!?]{0,4}(ば|たら|ら)"
                    + "|(跡形もなく|あとかたもなく|溶けて|とけて)[^。!?]{0,4}(なくなりたい|消えたい|いなくなりたい)|保険金[^。!?]{0,16}(いなくな|死|楽に)|(いなくな|死ん)[^。!?]{0,16}保険金"
                    + "|(薬|くすり|睡眠薬|眠剤|安定剤)(を|、|,)?[^。!?]{0,8}(ため|貯め|溜め)(て|こ|込)|(ずっと|永遠に|二度と)[^。!?]{0,4}(眠|ねむ)(れ|り|る)|(眠|ねむ)(れる|れ)(かな)?[^。!?\\s]{0,3}\\s?ずっと"
                    + "|(屋上|手すり|柵)[^。]{0,20}(見に行っ|鍵が開いて|開いてるの知って|下を見|のぞ|覗)"
                    + "|(全部|すべて|全て|何もかも|人生|もう)[^。!?]{0,3}(終われ(る|たら|ば)|終わりにでき|終わりにする|終わりにしよう|終わらせ(たい|よう|る))|^(もう)?(全部)?終わりにする"
                    + "|(対向車線|車道|トラック|電車|線路)[^。!?]{0,8}(突っ込|飛び出|飛び込|つっこ)|(海|川|湖)[^。!?]{0,12}(入っていき|入っていけ|沈み|沈ん|消え|歩いて入)"
                    + "|(今まで|いままで)(ありがとう|ありがと)[^`]{0,30}(よろしく|頼む|頼みます|お願い|さよなら|さようなら)|(みんな|皆|みなさん)[、,]?\\s?(さようなら|さよなら)"
                    + "|(さようなら|さよなら)[^`]{0,20}(もう|二度と)[^`]{0,12}(来ない|会えない|いない|戻らない)"
                    + "|(生きてる|生きている|いる|存在して(る|いる))(だけで)[^。]{0,4}(迷惑|邪魔|重荷|負担)|(この先|将来|未来)[^。]{0,6}(希望|光)[^。]{0,4}(ない|見えない)|希望なんて(ない|ありません)"
                    + "|(お風呂|風呂|浴槽|湯船)[^。]{0,6}(沈|しず)|(そのまま|このまま)[^。]{0,4}楽になれ|最後の(メッセージ|連絡|投稿|書き込み)|手紙[^`]{0,20}(読むのは|読む頃|読んだら)"
                    + "|(入ったら|沈んだら|飛び込んだら)[^。]{0,8}(全部終わ|楽に|消え|終われ)|(全部|すべて|何もかも)(が)?終わる(のかな|かな|のに|んだろう)"
                    + "|死んでも(いい(かな|や|よね|か)|構わない)|(この歳|年寄り|老い|もう歳|もう年)[^`]{0,40}お迎え|死にたすぎ|しにたすぎ"
                    + "|生き(とって|てて|ていて|てても|とっても|ていても)[^。!?]{0,6}(しゃあない|仕方ない|しかたない|意味ない|無駄|しょうがない)"
                    + "|(^|[。、!?\\s]|もう|無理)消え(る|ます|よう|ようかな)([。!?…w]|$)|生き(てる|ている|る)の(を)?(やめ|止め|辞め)|(自分|自分自身)を(傷つけ|傷付け|痛めつけ)"
                    + "|(ふっと|すっと|このまま|いっそ|私なんて|私なんか|わたしなんて|自分なんて|ママなんて)[^。!?]{0,4}(いなくなれ|いなくなれれ|消えられ|消えれ)(たら|ば)"
                    + "|(私|わたし|自分|あたし|ママ)(が|なんて|なんか|さえ)[^。!?]{0,4}(いなくなれ|消えれ|消えられ|いなけれ)(ば|たら)"
                    + "|(いない|居ない|いなくなった|居なくなった|消えた)(方|ほう)が(いい|幸せ|しあわせ|まし|マシ|楽|良い|よい)"
                    + "|(いない|居ない)(方|ほう)が[^。!?]{0,12}(幸せ|しあわせ|いい|楽|まし|マシ|ため|為)"
                    + "|私(なんか|なんて)(いない|居ない|いらない|要らない|いなければ|消え)|わたし(なんか|なんて)(いない|いらない|消え)"
                    + "|(死んだ|しんだ)(方|ほう)が(まし|マシ|いい|楽)|死にたい|消えたい|いなくなりたい|居なくなりたい|蒸発したい"
                    + "|終わりにしたい|終わらせたい|おわりにしたい|おわらせたい|全部やめたい|人生(を)?(やめ|終わ|おわ)|人生リタイア"
                    + "|目が覚めなければ|目覚めなければ|目が覚めなきゃ|朝が来なければ|朝が来なきゃ|明日が来なければ|明日が来なきゃ|明日なんて来なく|明日(は|が)?来なくていい"
                    + "|朝(なんて|が|は)?(来|こ)なくていい|眠ったまま|ねむったまま|起きなくていいなら|永遠に眠|ずっと眠っていたい|二度と起きたくない|2度と起きたくない"
                    + "|\\bkill(ing)? myself\\b|\\bsuicid|\\bwant(s)? to die\\b|\\bwanna die\\b|\\bend (my|it all)\\b|\\bend my life\\b"
                    + "|\\bself[- ]?harm|\\bhurt(ing)? myself\\b|\\bcut(ting)? myself\\b|\\b(don't|do not|dont) want to (live|be here|wake up)\\b"
                    + "|\\bbetter off (dead|without me)\\b|\\bdisappear forever\\b|\\bnot wake up\\b|\\bno reason to live\\b|\\boverdose\\b");
    private static final Pattern SELF_HARM_KANA = Pattern.compile(
            "シニタ(イ|カ|ケ|ス|ク(?!ナイ|ナカ|ナク|ハナ|モナ))|シニテエ|(アシタ|アサ|ミライ)(ガ|ハ|ナンテ|ナンカ)?(コ|キ)ナク(テ|テモ)イイ|(アシタ|アサ)(ガ|ハ)?(コ|キ)ナケレバ|メガサメナケレバ"
                    + "|イキテイタクナイ|イキテタクナイ|イキテイキタクナイ|シンジャイタ|シンデシマイタ|シンジマイタ|シネタラ|シネバ(ラク|イイ)|シノウ(カナ|カ|ト|ヨ)|キエタ(イ|カ|ケ|ク(?!ナイ|ナカ|ナク|ハナ|モナ))|キエテシマイタ|キエチャイタ"
                    + "|キエテナクナリタ|イナクナリタ|ジサツ|リスカ|シンダホウガ(マシ|イイ|ラク)|イキテルイミ|イキルイミ");
    /** Hyperbole that says 消えたい/死にそう about embarrassment or laughter: not a wish to die. */
    private static final Pattern HYPERBOLE = Pattern.compile(
            "(グループ|line|ライン|sns|pta|役員|会|集まり|ママ友|職場|会社|仕事|写真|記憶|データ)から(消え|いなくなり|抜け)|恥ずかし|はずかし|ハズカシ|穴があったら|穴があれば|笑いすぎ|笑い死|わらいすぎ|死ぬほど(笑|わら|ウケ|うけ|美味|おいし|うま|かわい|可愛|眠|ねむ|好き)"
                    + "|推し|尊(い|すぎ)|黒歴史|やらかし|夢(を)?見|夢で|夢の中|ゆめ(を)?み|(くらい|ほど|ぐらい)(幸せ|しあわせ|嬉し|うれし|美味|おいし|楽し)");
    private static final Set<String> MEANS_DRUG = Set.of("薬", "くすり", "クスリ", "睡眠薬", "睡眠導入剤", "導入剤", "安定剤", "精神安定剤", "抗うつ剤",
            "頭痛薬", "風邪薬", "鎮痛剤", "錠剤", "眠剤", "市販薬", "処方薬", "薬局", "サプリ");
    /** A child's medicine or an accident: シロップの薬を一瓶飲んじゃった is an ingestion, a medical question. */
    private static final Pattern CHILD_MEDICINE = Pattern.compile("シロップ|しろっぷ|粉薬|子ども用|子供用|小児用|誤飲|子どもが|子供が|こどもが|息子が|娘が|赤ちゃんが|目を離した");
    private static final Pattern MEANS_AMOUNT = Pattern.compile("全部|ぜんぶ|まとめて|大量|一気|いっぱい|たくさん|ありったけ|ためて|貯め|溜め|残り全部|一瓶|1瓶|一箱|1箱|錠|シート");
    private static final Set<String> HEIGHT_PLACE = Set.of("ベランダ", "屋上", "窓", "線路", "ホーム", "橋", "踏切", "踏み切り", "崖", "高層", "マンション",
            "電車", "ビル", "階", "川", "海", "歩道橋", "高い所", "高いところ", "対向車線", "車道", "トラック", "駅");
    private static final Pattern HEIGHT_ACT = Pattern.compile(
            "飛び降り|とびおり|飛びおり|飛び込|とびこ|吸い寄せ|すいよせ|突っ込|つっこ|一歩前|前に出たら|飛んだら|飛べたら|飛べば|落ちたら|落ちれば|落ちてしまいたい|吸い込まれ|すいこまれ|身を乗り出|乗り越え(たら|れば|そう)"
                    + "|楽になれ|楽になる(かな|のかな)|一歩踏み出|足が(向|むか)");

    /** この子いなくなればいいのに, 消えてほしい: a wish against the child (hatred), which is abuse, not self-harm. */
    private static final Pattern CHILD_WISHED_AWAY = Pattern.compile(
            "(子|こども|子ども|子供|息子|娘|赤ちゃん|この子|我が子|あの子)[^。!?]{0,12}(いなくなれば|いなければ|居なければ|消えてほしい|消えてくれ|いなくなってほしい|いなくなって欲しい|消えて欲しい|死んでほしい|産まなきゃ|産まなければ)");

    static boolean childWishedAway(SafetyText t) {
        return t.textHas(CHILD_WISHED_AWAY) && !t.textHas(Pattern.compile("(私|わたし|自分|あたし|ママ|母親)(が|は|なんか|なんて|さえ)[^。!?]{0,6}(いなくな|消え|いなけれ)"));
    }

    /** Cruel words said to a child (「死ね」って言ってしまう, 夫が子どもに「生まれてこなければ」って怒鳴る): abuse, never the writer's self-harm. */
    private static final Pattern VERBAL_TO_CHILD = Pattern.compile(
            "(子|こども|子ども|子供|息子|娘|赤ちゃん|この子|孫|上の子|下の子)(に|へ|に向かって)[^。!?]{0,8}(死ね|しね|消えろ|いらない|生まれてこなければ|生まれてこなきゃ|産まなきゃ|産まなければ"
                    + "|お前なんか|おまえなんか|大嫌い|出ていけ|出て行け|邪魔)[^。!?]{0,30}(って|と)?[^。!?]{0,4}(言|怒鳴|どな|叫|言っ)");

    private static final Pattern VERBAL_TO_CHILD_AFTER = Pattern.compile(
            "(死ね|しね|消えろ|いらない|生まれてこなければ|生まれてこなきゃ|産まなきゃ|産まなければ|お前なんか|おまえなんか|大嫌い|出ていけ|出て行け|邪魔|バカ|のろま)[^。]{0,24}(って|と)[^。]{0,4}"
                    + "(子|こども|子ども|子供|息子|娘|この子|上の子|下の子)(に|へ)[^。]{0,4}(言|怒鳴|どな|叫)");

    static boolean verbalToChild(SafetyText t) {
        return t.textHas(VERBAL_TO_CHILD) || t.textHas(VERBAL_TO_CHILD_AFTER);
    }

    static boolean selfHarm(SafetyText t) {
        if (childWishedAway(t) || verbalToChild(t)) {
            return false;
        }
        boolean hyperbole = t.textHas(HYPERBOLE);
        if (!hyperbole && (t.textHas(SELF_HARM_WORDS) || t.kanaHas(SELF_HARM_KANA))) {
            return true;
        }
        if (hyperbole && t.textHas(Pattern.compile("自殺|自死|自傷|リスカ|心中|道連れ|遺書|\\bod\\b"))) {
            return true;
        }
        for (List<Morpheme> s : t.sentences) {
            String sentence = t.textOf(s);
            if (!hyperbole && wishToVanish(s)) {
                return true;
            }
            // a means: pills, taken all at once; a height, and falling or jumping from it
            if (any(s, m -> SafetyText.base(m, MEANS_DRUG)) && MEANS_AMOUNT.matcher(sentence).find()
                    && (any(s, is("飲む", "のむ", "呑む")) || sentence.matches(".*(飲|のん|のみ|のめ|呑).*")) && !causative(s) && !t.textHas(CHILD_MEDICINE)) {
                return true;
            }
            if (!hyperbole && (any(s, m -> SafetyText.base(m, HEIGHT_PLACE)) || sentence.contains("高いところ") || sentence.contains("高い所"))
                    && HEIGHT_ACT.matcher(sentence).find() && !childIsSubject(s)) {
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

    private static final Pattern NEGATED_WISH = Pattern.compile("(死に|しに|消え|きえ|いなくなり)たく(ない|なかっ|はない)(?!わけ|って言ったら嘘)");

    /** The message says a wish not to die or vanish (死にたくないから頑張る), and nothing the rules count. */
    static boolean negatedWish(SafetyText t) {
        return t.textHas(NEGATED_WISH);
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
                        && !(m.baseForm().matches("投げる|投げつける|投げ飛ばす") && objectIsThing(s, i));
                boolean harmNoun = m.baseForm().equals("する") && i > 0 && HARM_NOUNS.contains(s.get(i - 1).surface());
                boolean weak = m.isVerb() && WEAK_HARM_VERBS.contains(m.baseForm()) && !sentence.contains("背中を押");
                if (weak && !harmVerb) {
                    Harm h = passiveByAdult(s, i);
                    if (h == Harm.NONE && bodyObject(s, i) && (regretOrFear(s, i) || mentionsChild(s) || sentence.contains("気づいたら")) && !play
                            && next(s, i, 1, x -> x.baseForm().matches("れる|られる")) < 0) {
                        h = Harm.TO_CHILD; // 髪を引っ張ってしまった
                    }
                    if (h.ordinal() > worst.ordinal()) {
                        worst = h;
                    }
                    continue;
                }
                harmVerb = harmVerb || harmNoun;
                boolean handRaised = m.baseForm().matches("上げる|あげる") && i >= 2 && s.get(i - 1).surface().equals("を")
                        && s.get(i - 2).surface().equals("手");
                boolean handOut = m.baseForm().matches("出る|でる") && i >= 2 && s.get(i - 1).surface().equals("が")
                        && s.get(i - 2).surface().equals("手");
                boolean dropped = m.baseForm().equals("落とす") && sentence.matches(".*(強く|わざと|投げ|放り).*") && !objectIsThing(s, i);
                harmVerb = harmVerb || dropped;
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
        // 蹴ってくる, 殴ってくる: the act comes at the writer — someone else does it
        boolean towardWriter = next(s, verb, 2, x -> x.baseForm().equals("くる") && x.partOfSpeech().contains("非自立")) >= 0;
        if (towardWriter) {
            for (int j = 0; j < verb; j++) {
                if ("partner".equals(who(s, j))) {
                    return Harm.TO_WRITER;
                }
            }
            return Harm.NONE;
        }
        String agent = null;
        String object = null;
        String subject = null;
        boolean predicateBetween = false;
        for (int j = verb - 1; j >= 0 && j >= verb - 10; j--) {
            Morpheme p = s.get(j);
            if (p.isVerb() && !p.partOfSpeech().contains("非自立") && !p.partOfSpeech().contains("接尾") || p.isAdjective()) {
                predicateBetween = true; // 息子が言うこと聞かないと(つい)蹴って: 息子 is the subject of 聞かない, not of 蹴る
            }
            if (!p.isParticle() || j == 0) {
                continue;
            }
            if (predicateBetween && p.surface().matches("が|は|も")) {
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
            if ("partner".equals(agent)) {
                return "child".equals(subject) || "child".equals(object) ? Harm.TO_CHILD : Harm.TO_WRITER;
            }
            if ("other".equals(agent)) {
                // 保育園の先生に叩かれたって娘が言ってる: another adult, and a child who tells it, is the child's harm
                return "child".equals(subject) || "child".equals(object) || childIsSubject(s) ? Harm.TO_CHILD : Harm.TO_WRITER;
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
        if (objectIsThing(s, verb)) {
            return Harm.NONE; // 蚊を叩いた, 太鼓を叩いた
        }
        if (object == null && subject == null && !play && !"child".equals(agent)) {
            return Harm.TO_CHILD; // つねった, 叩いた, お尻を叩いた: told by a parent, the parent's own act
        }
        if (object == null && bodyObject(s, verb) && subject == null && !play) {
            return Harm.TO_CHILD; // お尻を叩いた, 顔をぶった: the writer's hand on someone's body
        }
        if ("other".equals(subject) && ("child".equals(object) || mentionsChild(s))) {
            return Harm.TO_CHILD; // 祖父が孫の頭を殴る
        }
        if (object == null && regretOrFear(s, verb) && !play) {
            return Harm.TO_CHILD; // 叩いてしまった, 叩きそうで怖い — the parent's own act, told as such
        }
        if ("self".equals(object) && "partner".equals(subject)) {
            return Harm.TO_WRITER;
        }
        return Harm.NONE;
    }

    /** お尻を叩いた, 髪つかんで引っ張った (the particle dropped): a body part is what the verb acts on. */
    private static boolean bodyObject(List<Morpheme> s, int verb) {
        for (int j = verb - 1; j >= 0 && j >= verb - 5; j--) {
            Morpheme m = s.get(j);
            if (BODY.contains(m.surface()) || BODY.contains(m.baseForm())) {
                return true;
            }
            if (m.isParticle() && m.surface().matches("が|は|に|から|も")) {
                return false;
            }
        }
        return false;
    }

    /** 叩いてしまう/ちゃう, 叩きそう, 叩きたくなる, 叩いた自分 — the writer's own act or urge. */
    private static boolean regretOrFear(List<Morpheme> s, int verb) {
        return next(s, verb, 4, x -> x.baseForm().matches("しまう|ちゃう|じゃう|そう|たい|たくなる|怖い|こわい|もう")
                || x.surface().matches("ちゃ|ちゃっ|そう|たく|ちまっ|もう|もた|もうた")) >= 0;
    }

    /** 叩きそうになったけど離れた: a harm that did not happen, told as a harm held back. */
    private static boolean restrained(String sentence, List<Morpheme> s, int verb) {
        boolean almost = next(s, verb, 3, x -> x.surface().equals("そう") || x.baseForm().equals("かける") || x.baseForm().equals("たい")) >= 0;
        return almost && RESTRAINT.matcher(sentence).find();
    }

    /** 物を投げた, ボールを投げた: the object is a thing (neither a person nor a body part). */
    private static boolean objectIsThing(List<Morpheme> s, int verb) {
        for (int j = verb - 1; j >= 1 && j >= verb - 4; j--) {
            if (s.get(j).surface().equals("を")) {
                return who(s, j - 1) == null && !BODY.contains(s.get(j - 1).surface()) && !BODY.contains(s.get(j - 1).baseForm());
            }
        }
        return false;
    }

    /** A weak harm verb, passive, its agent a partner or another adult: 夫に押された, (夫が機嫌悪くて)髪つかまれた. */
    private static Harm passiveByAdult(List<Morpheme> s, int verb) {
        boolean passive = next(s, verb, 1, x -> x.baseForm().matches("れる|られる")) >= 0;
        if (!passive) {
            return Harm.NONE;
        }
        boolean partnerNamed = false;
        for (int j = 0; j < verb; j++) {
            partnerNamed |= "partner".equals(who(s, j));
        }
        for (int j = verb - 1; j >= 1 && j >= verb - 10; j--) {
            if (s.get(j).surface().matches("に|から")) {
                String who = who(s, j - 1);
                if ("partner".equals(who) || "other".equals(who)) {
                    return Harm.TO_WRITER;
                }
                if ("child".equals(who)) {
                    return Harm.NONE;
                }
            }
        }
        return partnerNamed ? Harm.TO_WRITER : Harm.NONE;
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
        if (i >= 2 && s.get(i - 1).surface().equals("の") && (BODY.contains(m.surface()) || m.isNoun())) {
            String owner = who(s, i - 2);
            if (owner != null) {
                return owner; // 孫の頭, 子どもの顔: the body's owner
            }
        }
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
                    + "|(子|こども|子ども|子供|息子|娘|赤ちゃん|この子|我が子)(が|のことが|の事が|を)?(憎|にく)(い|く|かっ|らし|たらし)"
                    + "|何か(を)?(して|やって|し|やり|しでかし)(しまい|しま|しちゃい)?そう|(ご飯|ごはん|食事|夕飯|晩ご飯|おやつ|ミルク)抜き|(産まなきゃ|産まなければ|産まなけりゃ|生まなきゃ|生まなければ)(よかった|良かった)|(枕|まくら|クッション|タオル|布団)を?[^。!?]{0,6}(顔|口|鼻)に?[^。!?]{0,4}(押し付|押しつ|おしつけ|かぶせ)"
                    + "|口を?[^。!?]{0,4}(ふさ|塞)(ぎ|い|ご|ぐ)|殺意|(子|子ども|こども|子供|息子|娘|赤ちゃん|この子|我が子)を?[^。]{0,4}(殺し|殺め|ころし)(て|そう|たく|ちゃ|かね)|(首|のど)に手が(いき|行き|かかり|伸び|いっ)"
                    + "|(おむつ|オムツ)[^。]{0,24}(一日中|ずっと|何時間)[^。]{0,6}(そのまま|替えない|放置)"
                    + "|(再婚相手|義父|継父|彼氏|夫|内縁|旦那)[^。]{0,10}(娘|息子)の(部屋|布団|寝室)に(入|はい)"
                    + "|(死ね|しね|消えろ|いらない|生まれてこなければ|生まれてこなきゃ|産まなきゃ|産まなければ|お前なんか|おまえなんか|大嫌い|出ていけ|出て行け|邪魔|バカ|のろま)[^。]{0,24}(って|と)[^。]{0,4}(子|こども|子ども|子供|息子|娘|この子|上の子|下の子)(に|へ)[^。]{0,4}(言|怒鳴|どな|叫)|(子|子ども|こども|赤ちゃん|この子|娘|息子)を?[^。!?]{0,8}(落とし|投げ|突き落と)(たら|そう|たく|ちゃいそう)"
                    + "|(義父|父|夫|旦那|祖父|兄|おじ|先生|彼氏|元夫|男)[^。!?]{0,6}(娘|息子|子|子ども)の?(体|からだ|胸|おしり|お尻|下着|股)[^。!?]{0,6}(さわ|触)"
                    + "|(子|子ども|こども|子供|娘|息子|赤ちゃん)の?(体|からだ|背中|腕|足|顔|お尻)に?[^。!?]{0,4}(アザ|あざ|痣|やけどの跡|たばこの跡|タバコの跡)"
                    + "|しばいて(しま|もう|もた|しも)|しばいた|(おむつ|オムツ)[^。!?]{0,24}(一回も|1回も|一度も|朝から|一日中|ずっと|何時間)[^。!?]{0,4}(替えて|変えて|かえて)(ない|いない|なかった)|(罰|ばつ|言うこと聞かない|聞かないから|お仕置き|おしおき|反省するまで)[^。!?]{0,12}(ご飯|ごはん|夕飯|晩ご飯|晩ごはん|朝ごはん|昼ごはん|食事|ミルク|おやつ)?[^。!?]{0,6}(あげ|与え|食べさせ|作ら)(なかった|てない|ていない|ない|ず)"
                    + "|(一週間|1週間|何日も|何日|ずっと|数日|3日|三日)[^。!?]{0,12}(お風呂|風呂)[^。!?]{0,6}(入れて|入って|いれて)(ない|いない)"
                    + "|(子|こども|子ども|子供|息子|娘|赤ちゃん|この子)(を)?[^。!?]{0,8}(置いて|残して)[^。!?]{0,12}(出かけ|でかけ|出て|遊び|飲み|パチンコ|買い物)"
                    + "|(車|くるま|家|部屋)に?[^。!?]{0,4}(置いた|残した|置いて)(まま|ままで)|(おむつ|オムツ)[^。!?]{0,10}(替えて|変えて|かえて)(ない|いない|なかった)"
                    + "|(病院|医者)に?[^。!?]{0,4}(連れて(行|い)って|連れてって)(ない|いない|なかった)[^。!?]{0,20}(どうでもいい|めんど|面倒|放って)"
                    + "|(何時間|ずっと|一日中|何日)[^。!?]{0,8}(無視|放って|ほっといて|ほったらかし)|ほったらかし|放ったらかし"
                    + "|(夫|旦那|主人|彼|パートナー|義母|義父|祖父|祖母|じいじ|ばあば)(が|は)[^。!?]{0,6}(子|子ども|こども|子供|息子|娘|赤ちゃん|孫)(に|を)[^。!?]{0,24}(怒鳴|どな|殴|叩|蹴|罵|お前なんか|おまえなんか)"
                    + "|怒鳴り散ら|どなりちら|(子|こども|子ども|子供|息子|娘)[^。!?]{0,10}(怯え|おびえ|ビクビク|びくびく)"
                    + "|\\bshook (him|her|the baby|my baby)\\b|\\b(hit|slapped|smacked|spanked|hurt) (him|her)\\b"
                    + "|(子|こども|子ども|子供|息子|娘|赤ちゃん|この子)(を|のこと|の事)?[^。!?]{0,6}(かわいいと思えない|可愛いと思えない|愛せない|いらない|要らない|邪魔)"
                    + "|(ベランダ|外|玄関の外|家の外|部屋|物置|押し入れ|トイレ|クローゼット)(に|へ)?[^。!?]{0,10}(出して|締め出|閉じ込め|とじこめ)[^。!?]{0,12}(鍵|カギ|かぎ|ロック|閉め)"
                    + "|締め出し(た|て|ちゃ)|閉じ込め(た|て|ちゃ)|とじこめ(た|て|ちゃ)|(ご飯|ごはん|食事|ミルク)(を)?[^。!?]{0,6}(あげ|与え|作ら|作って)(ない|なかった|てない|ていない|なくなっ)"
                    + "|(何日も|何日|ずっと)[^。!?]{0,10}(お風呂|風呂|オムツ|おむつ)[^。!?]{0,10}(入れて|替えて|変えて)(ない|いない|あげてない)"
                    + "|(置き去り|おきざり|放置)(して|した|してる|しちゃ|しそう)|(一人|ひとり|1人)(で|に)?(置いて|残して)[^。!?]{0,10}(出かけ|でかけ|出て|遊び|飲み|パチンコ)"
                    + "|(子|こども|子ども|子供|息子|娘|赤ちゃん|この子)[^。!?]{0,8}(首を?(絞|締|しめ)|口を?(塞|ふさ)|投げ(つけ|飛ば|た)|壁に)"
                    + "|(ぶって|ぶっちゃ|ぶってしま|つねって|つねっちゃ|揺さぶっ)"
                    + "|\\bchild abuse\\b|\\babus(e|ing|ed) (my|the|our) (child|kid|kids|son|daughter|baby)"
                    + "|\\b(hit|hitting|beat|beating|shake|shook|shaking|hurt|hurting|slap|slapped|smack|smacked|spank|spanked) (my|the|our) "
                    + "(child|kid|kids|son|daughter|baby|toddler)|\\bneglect|\\bafraid i('ll| will| might)? (hurt|hit|shake)\\b");

    private static final Pattern VIOLENCE_WORDS = Pattern.compile(
            "(?<!(締め切り|しめきり|仕事|暑さ|忙しさ|育児|宿題)に)殺され|\\bdv\\b|ドメスティック|モラハラ|モラル・?ハラスメント|経済的dv|精神的dv|暴力を(振る|ふる)われ|暴力を(受け|うけ)|暴力(が|を)?振る|暴力的"
                    + "|首を(絞め|しめ|締め)られ|殺すぞ|殺す(と|って)(言|い)われ|殺してやる|ぶっ殺|死ね(って|と|よ)(言|い)われ|死ねって|死ねと"
                    + "|(怒鳴|どな)られ|(脅|おど)され|(物|もの|皿|コップ|リモコン|携帯|スマホ)を(投げ|なげ)(られ|つけられ|てくる|つけてくる)"
                    + "|殺す(と|って|ぞ|よ)|殺される(と|って)|(脅|おど)(して|かして)(くる|きた|くる)|(刃物|包丁|ナイフ)(を)?[^。!?]{0,6}(持ち出|向け|突きつけ|振り回)"
                    + "|(青あざ|あざ|痣)[^。!?]{0,20}(夫|旦那|主人|彼)|(夫|旦那|主人|彼|パートナー)[^。!?]{0,20}(青あざ|あざ|痣)"
                    + "|(服装|服|化粧|メイク|髪型)(まで|も|を)?[^。!?]{0,6}(決められ|指図|禁止|許され|怒られ|文句を言われ)|誰のおかげで|食わせてやって|養ってやって"
                    + "|(足音|帰ってくる|帰宅|車の音|鍵の音)[^。!?]{0,20}(怖|こわ|バクバク|ドキドキ|震え|ビクビク)|(夫|旦那|主人|彼|パートナー)から逃げ"
                    + "|(バカ|馬鹿|ばか)にされ[^。!?]{0,20}(お前|おまえ|毎日|いつも)|(お前|おまえ)(は|なんか|なんて)[^。!?]{0,10}(ダメ|だめ|価値|役立たず|クズ|ゴミ|無能|出ていけ|出て行け)"
                    + "|(何日も|ずっと|一週間|1週間)[^。!?]{0,6}口をきいてくれな|存在しないように扱|いないものとして扱|閉じ込められ|締め出され|鍵(を)?かけられ"
                    + "|(辞め|やめ)させられ[^。!?]{0,20}(お金|自由|外出|働)|(家計|お金|財布|通帳|カード)(を)?(全部|すべて)?(握られ|管理され|取り上げ)"
                    + "|(買うのも|使うのも|出かけるのも)[^。!?]{0,8}(許可|頭下げ|頭を下げ|お願いし)|(話すと|会うと|出かけると|連絡すると|電話すると|帰省すると)(怒られ|怒鳴られ|機嫌が悪く|不機嫌|責められ)"
                    + "|誰とも(連絡|会え|話せ)[^。!?]{0,4}(取れない|ない|させて)|(断ると|拒むと|拒否すると|嫌がると|いやがると|嫌と言うと)[^。!?]{0,10}(怒|不機嫌|殴|無視|機嫌)"
                    + "|応じるしかな|gps[^。]{0,10}(入れられ|監視|つけられ|見られ)|どこにいるか[^。]{0,6}(見られ|監視|把握され)|(持たせてもらえ|持たせてくれ)(ない|なく)"
                    + "|(給料|お金)[^。]{0,10}(夫|旦那)の口座|(連絡|付き合い|縁)(を)?[^。]{0,4}(切らせ|断たせ|絶たせ)"
                    + "|(元カレ|元彼|元夫|元旦那|元妻|元カノ)[^。]{0,12}(家の前|職場|保育園|学校)[^。]{0,6}(待って|来た|来る|いる)|引っ越したのに[^。]{0,8}(見つか|バレ|来)"
                    + "|(何十件|何百件|何十回|何百回)[^。]{0,6}(着信|電話|line|メッセージ)|首(を)?(絞め|しめ|締め)(ら|られ)|(スマホ|携帯|line|ライン)(を)?[^。!?]{0,8}(チェック(する|され|して)|全部見られ|勝手に見)|(報告しろ|報告させ|居場所(を)?(報告|共有)させ|位置情報(を)?[^。!?]{0,4}(共有|監視))"
                    + "|(会わせない|会わせないぞ|取り上げる|親権(を)?渡さない)[^。!?]{0,4}(って|と)(言われ|脅)|(火(を)?つける|火つける|燃やす|ぶっ殺す|殺してやる)(ぞ|って|と)"
                    + "|(連絡(を)?とるな|連絡するな|会うな|話すな|出かけるな|行くな|働くな)(って|と)(言われ|怒)|勝手に(line|ライン|連絡先|アカウント)(を)?消され"
                    + "|何時間も(責められ|説教|怒られ|怒鳴られ|詰められ)|(お金|家計)(は|を)?[^。!?]{0,6}(全部)?(夫|旦那|主人)が管理"
                    + "|(お前|おまえ|母親失格|父親失格|バカ|馬鹿|役立たず|クズ)[^。!?]{0,12}(言われ続け|毎日言われ|って言われる|と言われる)"
                    + "|(義母|姑|義父|舅)[^。]{0,50}(会うたび|毎回|毎日|いつも)[^。]{0,6}(言われ|責め|怒鳴|罵)|(義母|姑)(が|に)[^。]{0,30}(全部捨て|勝手に捨て|捨てられ)"
                    + "|(嫌だ|いやだ|嫌|いや|やめて)(と|って)(言って|言っ)ても[^。!?]{0,4}(やめてくれな|やめな|聞いてくれな)|夫婦なんだから(当然|当たり前)"
                    + "|(帰ったら|帰ると|帰宅したら)[^。!?]{0,8}(何かされ|殴られ|怒鳴られ|叩かれ|責められ)|どつかれ|しばかれ|待ち伏せ|つきまと|付きまと|ストーカー"
                    + "|(夫|旦那|主人|彼|パートナー)(が|の|は)?[\\s、,]*(こわ|怖)(い|くて|すぎ)|何をしても(怒られ|責められ|否定され|文句)|舌打ち|罵倒|罵られ|ののしられ|ナグラレ|ドナラレ|ボウリョク"
                    + "|\\b(takes|took|take) my (phone|money|wallet|keys|card)\\b|\\b(scared|afraid) to go home\\b"
                    + "|(壁|ドア|机|テーブル)を(殴|蹴|叩|たた)(る|って|いて|った|かれ)|(壁|ドア)に穴"
                    + "|(スマホ|携帯|ケータイ|財布|通帳|カード|鍵)(を)?[^。!?]{0,8}(取り上げ|とりあげ|奪わ|隠され|壊され|勝手に見|チェックされ|監視)"
                    + "|(連絡|電話|相談|外出|仕事|買い物|帰る|帰ること)(を|も|すら|さえ)?[^。!?]{0,8}(させてもらえ|させてくれ|許してもらえ|許され(ない|ず)|禁止|禁じ|止められ|とめられ)"
                    + "|(実家|友達|友人|親)(に|と)?[^。!?]{0,10}(会わせてもらえ|連絡させてもらえ|会うのを禁止|連絡を禁止|会わせない|連絡させない)"
                    + "|(生活費|お金|おかね|給料)(を)?[^。!?]{0,6}(渡して|わたして|くれ|もらえ)(もらえな|くれな|ない|ず)"
                    + "|(生活費|お金)(を)?(渡さない|くれない|もらえない)|(酔っ|飲むと|お酒|帰ってくると|帰ってきたら|機嫌が悪いと|怒ると|キレると)[^。!?]{0,12}(手が出|手をあげ|手を上げ|殴|暴れ|物を投げ)|監視され|束縛が|束縛され|行動(を)?[^。!?]{0,6}管理され|gps(を|で)?[^。!?]{0,6}(監視|つけられ)"
                    + "|人格(を|まで)?否定|(お前|おまえ)(なんか|なんて|は)?[^。!?]{0,10}(価値がない|役立たず|出ていけ|出て行け|クズ|ゴミ)"
                    + "|(無視|むし)(され続け|を続け|し続けられ)|無理やり|無理矢理|むりやり|嫌がっても|拒否(しても|すると)[^。!?]{0,8}(怒|不機嫌|殴)"
                    + "|(家|うち)に帰るのが怖|(夫|旦那|主人|彼)(が|の)(こわ|怖)(い|くて)|(夫|旦那|主人|彼)(の)?(顔色|機嫌)(を)?(うかが|伺)"
                    + "|\\bdomestic (violence|abuse)\\b|\\babusive (husband|partner|boyfriend|wife|relationship|spouse)\\b"
                    + "|\\b(husband|partner|boyfriend|wife|spouse)\\b[^.!?]{0,30}\\b(hits|hit|beats|beat|kicks|kicked|punch\\w*|slap\\w*|chok\\w*"
                    + "|threat\\w*|abus\\w*|hurts|hurt|pushed|shoves|shoved|controls|won't let me|doesn't let me|took my phone)\\b"
                    + "|\\bafraid of (my )?(husband|partner|boyfriend)\\b|\\bthreatened to kill\\b");

    private static final Pattern ABUSE_KANA = Pattern.compile(
            "(タタイ|ナグッ|ツネッ|ブッ|ケッ)(テシマ|チャッ|チャイ|テシマイソウ)|ユサブッ|テヲアゲ(チャ|テシマ|ソウ)|テガデ(チャ|テシマ|ソウ)");

    /** 酔って帰ってくるとすぐ手が出る: a partner's habit of violence (the writer's partner, not the writer). */
    private static final Pattern PARTNER_HABIT = Pattern.compile(
            "(酔っ|飲むと|お酒|帰ってくると|帰ってきたら|機嫌が悪いと|怒ると|キレると)[^。!?]{0,12}(手が出|手をあげ|手を上げ|殴|暴れ|物を投げ)");

    static boolean childAbuse(SafetyText t) {
        if (t.textHas(PARTNER_HABIT) && !t.textHas(Pattern.compile("(子|こども|子ども|子供|息子|娘|赤ちゃん)(に|を)"))) {
            return false;
        }
        if (childWishedAway(t) || verbalToChild(t) || ABUSE_KANA.matcher(t.typedKana).find() && !t.textHas(PLAY)) {
            return true;
        }
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

    private static final Pattern FICTION = Pattern.compile("ドラマ|台詞|セリフ|せりふ|映画|アニメ|漫画|マンガ|まんが|真似|まね|ゲーム|小説|ニュース");

    private static final Pattern VIOLENCE_KANA = Pattern.compile("(オット|ダンナ|カレシ|ツマ)\\s*(ガ|ハ|ニ)?\\s*(コワ|ナグ|ケ[ルリラ]|タタ[クカ]|クビ)");

    static boolean violence(SafetyText t) {
        if (VIOLENCE_KANA.matcher(t.typedKana).find()) {
            return true;
        }
        if (t.textHas(VIOLENCE_WORDS) && !t.textHas(FICTION)) {
            return true;
        }
        return harm(t) == Harm.TO_WRITER;
    }

    // --- medical questions ------------------------------------------------------------------------

    private static final Pattern MEDICAL_TERMS = Pattern.compile(
            "(?<![情親加])熱(が|を|は|も|っぽ|で|の|に|,|、)|bcg|接種|赤く(なって|腫)|産後うつ|うつ病|鬱|メンタル|心療内科|精神科"
                    + "|(タバコ|たばこ|電池|ボタン電池|洗剤|ジェルボール|磁石|薬|硬貨|小銭|おもちゃ|化粧品|漂白剤)[^。!?]{0,10}(食べ|飲み込|飲んじゃ|のんじゃ|飲んだ|のんだ|口に入れ|なめ|かじ)"
                    + "|(耳|お腹|おなか|頭|歯|喉|のど|胸|足|腕)(が)?(痛|いた)|抗生|飲み忘れ|動悸|息苦し|内科|産婦人科|婦人科|\\bnewborn\\b|\\bwithout feeding\\b|回分|シロップ|目薬|軟膏|塗り薬|浣腸|うんち|お腹(が)?(張|はっ)|発熱|高熱|微熱|平熱|\\d+(\\.\\d)?度|[3-4][0-9](\\.\\d)?(℃|c\\b)|咳|せき(が|こ|込)|鼻水|鼻づまり|嘔吐|吐い|吐き|もど(し|す)"
                    + "|下痢|便秘|うんち(が|の色)|発疹|湿疹|ぶつぶつ|ブツブツ|じんましん|蕁麻疹|けいれん|痙攣|ひきつけ|薬|くすり|座薬|解熱剤|病気|症状|病院|受診"
                    + "|小児科|皮膚科|耳鼻科|眼科|歯医者|何科|救急|予防接種|ワクチン|注射|診断|アレルギー|アトピー|感染|インフル|コロナ|胃腸炎|中耳炎|rsウイルス|溶連菌|手足口"
                    + "|骨折|捻挫|やけど|火傷|頭を(打|ぶつ)|頭(を)?ぶつけ|落ちて頭|たんこぶ|誤飲|飲み込ん|黄疸|体重が(増え|減)|脱水|ぐったり|血便|出血|腫れ|はれ(て|た)"
                    + "|授乳中(に|の|でも)?[^。!?]{0,10}(飲|薬)|母乳(に|の)?[^。!?]{0,8}(薬|影響)|ml|ミリ|錠|量は|何回まで|副作用|生理|妊娠(中|初期)|つわり|出血|腹痛|頭痛|めまい"
                    + "|\\bfever\\b|\\btemperature\\b|\\bcough|\\brash\\b|\\bvomit|\\bdiarrh|\\bmedicine|\\bmedication|\\bdose\\b|\\bdosage\\b"
                    + "|\\bsymptom|\\bvaccin|\\ballerg|\\bdoctor\\b|\\bhospital\\b|\\bsick\\b|\\binfection\\b|\\bseizure|\\bibuprofen|\\btylenol");
    private static final Pattern QUESTION = Pattern.compile(
            "\\?|どうしよう|ええやろか|ええかな|やろか|じゃろか|かいな|どっち|(行った|連れてった|連れて行った)(方|ほう)が(いい|ええ)|かな(?=$|[、。!?…wｗ\\s〜ー]|ぁ|あ)|かなぁ|どこに相談|相談すれば|相談したら|かね|ですか|ますか|でしょうか|だろうか|べき|いいの|いいん(だろう|でしょう|ですか)|どうしたら|どうすれば|何科|どこに行"
                    + "|(大丈夫|平気|問題ない|普通|正常|心配ない)(かな|でしょう|です|なの|だろう|か|\\?)|様子見(で|て)?(いい|平気|大丈夫)|行った(方|ほう)がいい"
                    + "|連れて(いく|行く)べき|飲ませて(も|いい)|あげて(も|いい)|使って(も|いい)|受診(した方|したほう|すべき)|教えて|わかりますか|知りたい"
                    + "|\\bshould i\\b|\\bis it (safe|normal|ok|okay|serious)\\b|\\bcan i (give|take)\\b|\\bwhat should\\b|\\bhow much\\b|\\bdo i need\\b");

    /** Medical words typed in kana (ねつ, びょういん): matched on the typed kana stream. */
    private static final Pattern MEDICAL_KANA = Pattern.compile("ネツ|ビョウイン|クスリ|ハナミズ|ゲリ|オウト|ショウニカ|キュウキュウ|ヨボウセッシュ|ワクチン|ハツネツ");

    /** Something swallowed that should not be: urgent whether or not it is asked as a question. */
    private static final Pattern INGESTION = Pattern.compile(
            "(タバコ|たばこ|電池|ボタン電池|洗剤|ジェルボール|磁石|硬貨|小銭|化粧品|漂白剤|乾燥剤|保冷剤)[^。!?]{0,10}(食べ|飲み込|飲んじゃ|のんじゃ|飲んだ|のんだ|口に入れ|なめ|かじ)|誤飲");

    static boolean medicalQuestion(SafetyText t) {
        if (t.textHas(INGESTION)) {
            return true;
        }
        if (MEDICAL_KANA.matcher(t.typedKana).find() && t.textHas(QUESTION)) {
            return true;
        }
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
                    + "|(夫|旦那|主人|妻|嫁|パートナー)(が)?[^。!?]{0,6}(出て行っ|出ていっ|出てった)[^。!?]{0,12}(戻らない|帰ってこない|帰らない|戻ってこない)"
                    + "|(犬|猫|ねこ|ペット|わんこ|ワンコ|にゃんこ|うさぎ|ハムスター|インコ)(が|ちゃん|くん)?[^。!?]{0,4}(死ん|しん|亡くな|旅立|虹の橋)|親権|調停|養育費|(夫|旦那|主人|妻|嫁|パートナー)が(家を)?(出て行っ|出ていっ|出てった|出ていき|出て行き)(た|ました|てしまっ)|心臓が止ま|心拍(が)?(止ま|確認できな|なくな)|シングルになっ|シングルマザーになっ|別れることになっ|(夫|旦那|主人|妻|嫁)と別れ"
                    + "|\\bdivorc|\\bseparated from\\b|\\bpassed away\\b|\\bdied\\b|\\bdeath of\\b|\\bfuneral\\b|\\bmiscarr|\\bstillb|\\bbereave"
                    + "|\\blost (my|our) (mother|mom|mum|father|dad|husband|wife|baby|son|daughter|child|partner|grandma|grandpa)\\b");

    static boolean heavyLifeEvent(SafetyText t) {
        return t.textHas(HEAVY_WORDS) && !t.textHas(Pattern.compile("(友達|友人|知り合い|ママ友|芸能人|同僚|近所の人|同級生)の(離婚|別居)|冗談|じょうだん|笑った|わらった|ネタ|離婚(しないで|しない|なんてしない)|仲(いい|良い|よし)|離婚(したい|しようかな|を考え|届)?(なんて)?(冗談|ドラマ)|ドラマ|映画|漫画|アニメ|ゲーム"));
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
