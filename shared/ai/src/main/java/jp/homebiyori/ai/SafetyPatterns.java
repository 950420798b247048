package jp.homebiyori.ai;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The patterns of the safety step, over {@link Texts#normalize normalized} text (so ！？ＤＶ arrive as
 * !?dv), in Japanese and simple English. A medical message counts only when it is a question: a
 * parent who nursed a feverish child and is tired deserves praise, not a referral.
 */
final class SafetyPatterns {

    private static final String CHILD = "(子|こども|子ども|子供|息子|娘|赤ちゃん|赤ん坊|我が子)";
    private static final String PARTNER = "(夫|旦那|だんな|主人|妻|嫁|彼氏|彼女|パートナー|元夫|元妻|配偶者|義父|義母)";

    /** Categories in priority order: the first that matches wins. */
    static final Map<SafetyCategory, List<Pattern>> CATEGORIES = categories();

    /** A medical term, which makes a {@link #QUESTION question} a medical one. */
    static final List<Pattern> MEDICAL_TERMS = compile(
            "(?<![情親加])熱(が|を|は|も|っぽ|で|の|に)", "発熱", "高熱", "微熱", "咳", "鼻水", "嘔吐", "吐い", "吐き",
            "下痢", "便秘", "発疹", "湿疹", "じんましん", "蕁麻疹", "けいれん", "痙攣", "ひきつけ", "薬", "病気", "症状",
            "病院", "受診", "小児科", "予防接種", "ワクチン", "診断", "アレルギー", "アトピー", "感染", "インフル",
            "骨折", "頭を打", "誤飲", "黄疸", "体重が増え",
            "\\bfever\\b", "\\btemperature\\b", "\\bcough", "\\brash\\b", "\\bvomit", "\\bdiarrh", "\\bmedicine",
            "\\bmedication", "\\bdose\\b", "\\bdosage\\b", "\\bsymptom", "\\bvaccin", "\\ballerg", "\\bdoctor\\b",
            "\\bhospital\\b", "\\bsick\\b", "\\binfection\\b", "\\bseizure");

    static final List<Pattern> QUESTION = compile(
            "\\?", "かな(?![りいしわ])", "ですか", "でしょうか", "だろうか", "べき", "いいの", "どうしたら", "どうすれば",
            "何科", "(大丈夫|平気)(かな|でしょう|です|なの|だろう)",
            "\\bshould i\\b", "\\bis it (safe|normal|ok|okay|serious)\\b", "\\bcan i give\\b", "\\bwhat should\\b");

    private SafetyPatterns() {
    }

    private static Map<SafetyCategory, List<Pattern>> categories() {
        Map<SafetyCategory, List<Pattern>> map = new LinkedHashMap<>();
        map.put(SafetyCategory.SELF_HARM, compile(
                "死にたい", "しにたい", "消えたい", "きえたい", "自殺", "自死", "自傷", "リストカット", "リスカ",
                "生きていたくない", "生きるのが(つら|辛|しんど|嫌)", "いなくなりたい", "死んでしまいたい", "死のうと",
                "心中", "一緒に死", "飛び降り", "首を(吊|つ[りろ])",
                "\\bkill(ing)? myself\\b", "\\bsuicid", "\\bwant(s)? to die\\b", "\\bwanna die\\b", "\\bend my life\\b",
                "\\bself[- ]?harm", "\\bhurt(ing)? myself\\b", "\\bcut(ting)? myself\\b",
                "\\b(don't|do not) want to live\\b", "\\bbetter off dead\\b"));
        map.put(SafetyCategory.CHILD_ABUSE, compile(
                "虐待", "ネグレクト", "育児放棄",
                CHILD + "[^。!?]{0,6}(殴|なぐ|蹴|首を絞|揺さぶ)",
                CHILD + "[^。!?]{0,6}(叩いて|たたいて|叩い|たたい)(しま|ちゃ)",
                "手を(あげ|上げ)(て|ちゃ)(しま|っ)", "手が出(て|ちゃ)", CHILD + "(が|のことが|の事が)(憎|にく)",
                CHILD + "を?傷つけ(て|そう)",
                "\\bchild abuse\\b", "\\babus(e|ing|ed) (my|the|our) (child|kid|kids|son|daughter|baby)",
                "\\b(hit|hitting|beat|beating|shake|shook|shaking|hurt|hurting|slap|slapped) (my|the|our) "
                        + "(child|kid|kids|son|daughter|baby|toddler)", "\\bneglect"));
        map.put(SafetyCategory.DOMESTIC_VIOLENCE, compile(
                "\\bdv\\b", "ドメスティック", "モラハラ", "暴力を(振る|ふる)われ", "暴力を(受け|うけ)", "殴られ", "なぐられ",
                "蹴られ", "首を(絞め|しめ)られ", "殺される", "殺すと(言|い)われ",
                PARTNER + "[^。!?]{0,8}(叩かれ|たたかれ|突き飛ばされ|怒鳴られ|どなられ|脅され|おどされ|物を投げられ|暴力)",
                "\\bdomestic (violence|abuse)\\b", "\\babusive (husband|partner|boyfriend|wife|relationship|spouse)\\b",
                "\\b(husband|partner|boyfriend|wife|spouse)\\b[^.!?]{0,20}\\b(hits|hit|beats|beat|kicks|kicked|punch\\w*"
                        + "|slap\\w*|chok\\w*|threat\\w*|abus\\w*|hurts|hurt) me\\b"));
        map.put(SafetyCategory.MEDICAL, List.of());
        map.put(SafetyCategory.DIVORCE_OR_BEREAVEMENT, compile(
                "離婚", "別居", "死別", "亡くな", "他界", "葬儀", "葬式", "通夜", "告別式", "四十九日", "一周忌", "流産",
                "死産", "先立たれ", "天国(に|へ)(行|い)っ",
                "\\bdivorc", "\\bseparated from\\b", "\\bpassed away\\b", "\\bdied\\b", "\\bdeath of\\b",
                "\\bfuneral\\b", "\\bmiscarr", "\\bstillb", "\\bbereave",
                "\\blost (my|our) (mother|mom|mum|father|dad|husband|wife|baby|son|daughter|child|partner)\\b"));
        return map;
    }

    private static List<Pattern> compile(String... regexes) {
        return java.util.Arrays.stream(regexes).map(Pattern::compile).toList();
    }

    static boolean anyMatches(List<Pattern> patterns, String text) {
        return patterns.stream().anyMatch(p -> p.matcher(text).find());
    }
}
