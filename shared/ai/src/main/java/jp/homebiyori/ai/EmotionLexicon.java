package jp.homebiyori.ai;

import jp.homebiyori.domain.character.Emotion;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The keywords of the emotion analysis: domain.md's seeds plus common variants (kana spellings,
 * past forms, a few English words). Each entry is a pattern over {@link Texts#normalize normalized}
 * text; an entry counts once however often it occurs, so repeating a word does not inflate a score.
 */
final class EmotionLexicon {

    static final Map<Emotion, List<Pattern>> KEYWORDS = keywords();

    /** Words that strengthen an emotion: すごく, とても, 本当に … */
    static final List<Pattern> INTENSIFIERS = patterns(
            "すごく", "すごい", "すっごく", "とても", "とっても", "本当に", "ほんとに", "ほんとうに", "めちゃくちゃ",
            "めちゃめちゃ", "めっちゃ", "超", "かなり", "心から", "本気で", "死ぬほど", "\\breally\\b", "\\bvery\\b",
            "\\bso much\\b", "\\bextremely\\b", "\\btotally\\b");

    /** Words of reflection: 気持ち, 思う, 感じ, 自分 … */
    static final List<Pattern> REFLECTIVE = patterns(
            "気持ち", "思う", "思っ", "思い", "感じ", "自分", "気づ", "気付", "振り返", "考え", "実感", "心",
            "\\bfeel", "\\bfelt\\b", "\\bthink", "\\bthought", "\\bmyself\\b", "\\brealiz");

    private EmotionLexicon() {
    }

    private static Map<Emotion, List<Pattern>> keywords() {
        Map<Emotion, List<Pattern>> map = new EnumMap<>(Emotion.class);
        map.put(Emotion.JOY, patterns(
                "嬉し", "うれし", "楽し", "たのし", "良かった", "よかった", "ありがと", "幸せ", "しあわせ", "笑顔",
                "喜", "可愛", "かわいい", "感動", "\\bhappy\\b", "\\bglad\\b", "\\bfun\\b", "\\bthank", "\\bjoy"));
        map.put(Emotion.FATIGUE, patterns(
                "疲れ", "つかれ", "しんど", "きつい", "キツ", "眠(い|く|た|気)", "ねむ(い|く|た)", "眠れな", "寝不足", "睡眠不足",
                "ヘトヘト", "へとへと", "くたくた", "クタクタ", "ぐったり", "限界", "夜泣き", "ワンオペ",
                "\\btired\\b", "\\bexhausted\\b", "\\bworn out\\b", "\\bsleepy\\b"));
        map.put(Emotion.ACCOMPLISHMENT, patterns(
                "頑張っ", "がんばっ", "頑張れ", "がんばれ", "できた", "出来た", "できるようになっ", "やった", "やれた",
                "やり遂げ", "やりきっ", "やり切っ", "終わらせ(た|られ)", "やり終え", "片付け(た|られ)", "片づけ(た|られ)", "成功", "達成", "完食", "乗り越え", "初めて", "はじめて",
                "\\bdid it\\b", "\\bmanaged\\b", "\\bproud\\b", "\\bsuccess", "\\baccomplish", "\\bfinally\\b"));
        map.put(Emotion.WORRY, patterns(
                "不安", "心配", "ふあん", "しんぱい", "気にな(る|っ)", "落ち着かな", "大丈夫かな", "大丈夫だろうか", "どうしよう", "どうしたら", "気になる", "悩", "迷っ",
                "怖い", "こわい", "焦", "自信がな", "自信な", "\\bworr", "\\banxious\\b", "\\bnervous\\b",
                "\\bscared\\b", "\\bafraid\\b"));
        map.put(Emotion.SADNESS, patterns(
                "悲し", "かなし", "辛(い|く|かっ|さ)", "つら(い|く|かっ|さ)", "ツラ", "涙", "(?<!夜|嬉し|うれし)泣き(?!止)", "(?<!嬉しくて|うれしくて|感動して|嬉しすぎて)泣い",
                "寂し", "さみし", "さびし", "落ち込", "孤独", "ひとりぼっち", "情けな", "自己嫌悪", "虚し", "むなし",
                "\\bsad\\b", "\\bcried\\b", "\\bcrying\\b", "\\bcry\\b", "\\blonely\\b", "\\btears\\b", "\\bdepress"));
        return map;
    }

    private static List<Pattern> patterns(String... regexes) {
        return java.util.Arrays.stream(regexes).map(Pattern::compile).toList();
    }

    /** How many distinct entries of {@code patterns} occur in normalized {@code text}. */
    static int distinctHits(List<Pattern> patterns, String text) {
        return (int) patterns.stream().filter(p -> p.matcher(text).find()).count();
    }

    /**
     * How many distinct entries of {@code patterns} occur in {@code text} <em>affirmed</em>: an occurrence
     * the morphemes negate (楽しく+なかった, 心配+じゃ+ない, 疲れ+て+ない) does not count; a double negation
     * (楽しくないわけじゃない) affirms again.
     */
    /** Where the last affirmed occurrence of any entry starts in {@code text}, or -1. */
    static int lastAffirmed(List<Pattern> patterns, String text, List<Morpheme> morphemes) {
        int last = -1;
        for (Pattern pattern : patterns) {
            java.util.regex.Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                if (!Negation.negates(morphemes, matcher.start(), matcher.end())) {
                    last = Math.max(last, matcher.start());
                }
            }
        }
        return last;
    }

    static int affirmedHits(List<Pattern> patterns, String text, List<Morpheme> morphemes) {
        int hits = 0;
        for (Pattern pattern : patterns) {
            java.util.regex.Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                if (!Negation.negates(morphemes, matcher.start(), matcher.end())) {
                    hits++;
                    break;
                }
            }
        }
        return hits;
    }
}
