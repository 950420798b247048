package jp.homebiyori.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds what the parent did in a message, from its morphemes ({@link Morphology}): a noun phrase joined to a
 * verb of doing by the particle that verb takes — 「公園に行けた」 → 公園 (に + 行く), 「離乳食を作った」 → 離乳食
 * (を + 作る), 「寝かしつけに2時間かかった」 → 寝かしつけ, 「保育園の送り迎え、全部やった」 → 保育園の送り迎え — when the
 * doing is done (past, not negated, not wished for, not somebody else's favour, not a question).
 *
 * <p>Precision over recall: when in doubt it finds nothing, and the offline generator keeps its generic phrases.
 * What it returns is the only text of the user's that a reply ever repeats, so it is kept small and plain:
 * <ul>
 *   <li>at most {@link #MAX_PHRASE_LENGTH} code points, of dictionary nouns only (a compound such as
 *       夜泣き対応, with お/ご in front, or two joined by one の or by と) — never a verb, a clause or a number;</li>
 *   <li>never a word the dictionary does not know (slang, typos and most nicknames read as unknown words),
 *       never a proper noun ({@code 名詞-固有名詞-*}: people, places, organisations), never a word with a
 *       name suffix (くん, ちゃん), never Latin letters or digits;</li>
 *   <li>never a person, a pronoun or an abstract word (子ども, 夫, 自分, こと, 時間 …) and never a heavy event
 *       (警察, 葬儀 …) the cheerful deed sentence would not fit;</li>
 *   <li>never anything of a message the safety step answers (it runs before generation, and is asked again here
 *       so that no caller of the generator can get around it).</li>
 * </ul>
 * Deterministic: the same message gives the same deed (the first one, in reading order).
 */
final class DeedFinder {

    /** The longest phrase a reply may repeat, in code points. */
    static final int MAX_PHRASE_LENGTH = 12;

    private static final int MAX_ADVERBIALS = 6;
    private static final int MIN_LONE_VERB_NOUN = 3;
    private static final Pattern JAPANESE_WORD = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}ー]+");
    private static final Pattern HAS_KANJI = Pattern.compile(".*\\p{IsHan}.*");
    private static final Set<String> SENTENCE_ENDS = Set.of("。", "．", ".", "!", "?", "！", "？");

    private static final Map<String, Deed.Kind> VERBS = verbs();

    /** Particles (and the comma of a dropped particle) each kind takes before its verb; "" is no particle at all. */
    private static final Map<Deed.Kind, Set<String>> SLOTS = Map.of(
            Deed.Kind.OUTING, Set.of("に", "へ", "にも", "へも", "には", "へは", ""),
            Deed.Kind.BATH, Set.of("に", "にも", "には", ""),
            Deed.Kind.PLAY, Set.of("で", "でも", "では"),
            Deed.Kind.ATTEND, Set.of("に", "にも", "には"),
            Deed.Kind.MADE, Set.of("を", "も", "は", "、", ",", ""),
            Deed.Kind.TOOK_TIME, Set.of("に", "にも", "には"),
            Deed.Kind.EFFORT, Set.of("を", "も", "は", "まで", "、", ",", ""),
            Deed.Kind.DONE, Set.of("を", "も", "は", "が", "まで", "、", ",", ""));

    /** する/できる make a deed only after one of these (掃除した, 洗濯をした); other サ変 nouns are not ours to praise. */
    private static final Set<String> CHORES = Set.of("掃除", "洗濯", "料理", "家事", "育児", "看病", "授乳", "送迎",
            "対応", "世話", "準備", "用意", "片付け", "片づけ", "買い物", "調理", "仕事", "送り迎え", "お迎え", "お世話",
            "洗い物", "寝かしつけ", "作り置き", "読み聞かせ");

    /** 参加した, 出席できた: the deed is what comes before に. */
    private static final Set<String> ATTENDING = Set.of("参加", "出席");

    /** People (the user is praised for their own deeds, and people are never echoed). */
    private static final Set<String> PEOPLE = Set.of(
            "子", "子ども", "子供", "こども", "息子", "娘", "赤ちゃん", "赤ん坊", "我が子", "長男", "長女", "次男", "次女",
            "夫", "旦那", "だんな", "主人", "妻", "嫁", "彼", "彼女", "パートナー", "母", "父", "義母", "義父", "義両親",
            "ママ", "パパ", "ママ友", "パパ友", "ばあば", "じいじ", "おばあちゃん", "おじいちゃん", "友達", "友だち",
            "先生", "家族", "みんな", "皆", "人");

    /** Never a deed either: the user, abstract words and times, and heavy events. */
    private static final Set<String> NOT_A_DEED = Set.of("私", "自分", "僕", "俺", "うち",
            "こと", "もの", "事", "物", "気", "気持ち", "何", "全部", "全て", "時間", "一日", "毎日", "ため", "ところ",
            "ほう", "方", "感じ", "笑顔", "涙", "失敗", "ミス", "喧嘩", "けんか", "イライラ", "心配", "不安", "無理",
            "警察", "交番", "葬式", "葬儀", "通夜", "お通夜", "裁判", "救急", "救急車", "役所");

    /** Words in the verb's chain that mean it is not (or not the user's) deed: negation, wish, volition, a favour. */
    private static final Set<String> NOT_DONE = Set.of("ない", "ぬ", "ん", "たい", "たがる", "う", "よう", "まい",
            "ほしい", "欲しい", "くれる", "もらう", "くださる", "いただく");

    private static final SafetyCheck SAFETY = new SafetyCheck();

    private DeedFinder() {
    }

    /** The first deed of {@code message}, if one is found. */
    static Optional<Deed> find(String message) {
        if (message == null || message.isBlank() || SAFETY.classify(message).isPresent()) {
            return Optional.empty();
        }
        List<Morpheme> all = Morphology.analyze(message);
        int start = 0;
        for (int i = 0; i <= all.size(); i++) {
            if (i == all.size() || isSentenceEnd(all.get(i))) {
                if (i > start) {
                    Optional<Deed> deed = inSentence(all.subList(start, i));
                    if (deed.isPresent()) {
                        return deed;
                    }
                }
                start = i + 1;
            }
        }
        return Optional.empty();
    }

    private static Optional<Deed> inSentence(List<Morpheme> ms) {
        for (int i = 0; i < ms.size(); i++) {
            Morpheme m = ms.get(i);
            if (!m.partOfSpeech().startsWith("動詞-自立")) {
                continue;
            }
            Optional<Deed> deed = forVerb(ms, i);
            if (deed.isPresent()) {
                return deed;
            }
        }
        return Optional.empty();
    }

    private static Optional<Deed> forVerb(List<Morpheme> ms, int verb) {
        String base = ms.get(verb).baseForm();
        Deed.Kind kind = VERBS.get(base);
        int anchor = verb;
        boolean needsChore = false;
        if (kind == null && Set.of("する", "できる", "出来る").contains(base) && verb > 0) {
            if (ATTENDING.contains(ms.get(verb - 1).surface())) {
                kind = Deed.Kind.ATTEND;
                anchor = verb - 1;
            } else {
                kind = Deed.Kind.DONE;
                needsChore = true;
            }
        }
        if (kind == null || !completed(ms, verb) || asked(ms, verb)) {
            return Optional.empty();
        }
        int k = skipAdverbials(ms, anchor - 1, kind);
        if (k < 0) {
            return Optional.empty();
        }
        int end;
        Morpheme slot = ms.get(k);
        if (isSlotToken(slot)) {
            String particle = slot.surface();
            if (Set.of("も", "は").contains(particle) && k > 0 && Set.of("に", "へ", "で").contains(ms.get(k - 1).surface())) {
                particle = ms.get(k - 1).surface() + particle;
                k--;
            }
            if (!SLOTS.get(kind).contains(particle)) {
                return Optional.empty();
            }
            end = k - 1;
        } else if (SLOTS.get(kind).contains("") && nounish(slot)) {
            end = k;
        } else {
            return Optional.empty();
        }
        if (end < 0) {
            return Optional.empty();
        }
        Optional<Span> phrase = phraseEndingAt(ms, end, kind);
        if (phrase.isEmpty() || subjectIsSomeoneElse(ms, phrase.get().start())) {
            return Optional.empty();
        }
        if (needsChore && !CHORES.contains(phrase.get().head())) {
            return Optional.empty();
        }
        if (kind == Deed.Kind.MADE && phrase.get().text().contains("作")) {
            kind = Deed.Kind.DONE; // 作り置きを作った would say 作 twice: 作り置きをやり切った
        }
        return Optional.of(new Deed(phrase.get().text(), kind));
    }

    /** Adverbials between the particle and the verb: ちゃんと, 全部, 2時間(も), 元気に, 子どもと … */
    private static int skipAdverbials(List<Morpheme> ms, int k, Deed.Kind kind) {
        int skipped = 0;
        while (k >= 0 && skipped < MAX_ADVERBIALS) {
            Morpheme m = ms.get(k);
            Morpheme before = k > 0 ? ms.get(k - 1) : null;
            if (isAdverbial(m)) {
                k--;
            } else if (before != null && m.isParticle() && Set.of("も", "は", "だけ", "で").contains(m.surface())
                    && isAdverbial(before)) {
                k -= 2;
            } else if (before != null && kind == Deed.Kind.TOOK_TIME && "が".equals(m.surface())
                    && Set.of("時間", "手間", "何時間").contains(before.surface())) {
                k -= 2;
            } else if (before != null && m.partOfSpeech().startsWith("助詞-副詞化")
                    && before.partOfSpeech().startsWith("名詞-形容動詞語幹")) {
                k -= 2;
            } else if (before != null && "と".equals(m.surface()) && m.isParticle() && isPerson(before)) {
                k -= 2;
            } else {
                break;
            }
            skipped++;
        }
        return k;
    }

    private static boolean isAdverbial(Morpheme m) {
        String pos = m.partOfSpeech();
        return pos.startsWith("副詞") || pos.startsWith("名詞-副詞可能") || pos.startsWith("名詞-数")
                || pos.startsWith("名詞-接尾-助数詞") || pos.startsWith("接頭詞-数接続");
    }

    private static boolean isSlotToken(Morpheme m) {
        return m.isParticle() || "、".equals(m.surface()) || ",".equals(m.surface());
    }

    /** A token that may be part of a noun compound. */
    private static boolean nounish(Morpheme m) {
        String pos = m.partOfSpeech();
        boolean noun = pos.startsWith("名詞-一般") || pos.startsWith("名詞-サ変接続") || pos.startsWith("名詞-接尾-一般")
                || pos.startsWith("名詞-接尾-サ変接続");
        return (noun || isVerbNoun(m)) && JAPANESE_WORD.matcher(m.surface()).matches();
    }

    /** A verb in its 連用形 used as a noun: 寝かしつけ(に), (オムツ)替え, (健)診. */
    private static boolean isVerbNoun(Morpheme m) {
        return m.partOfSpeech().startsWith("動詞-自立") && "連用形".equals(m.inflectionForm());
    }

    /** A phrase: where it starts, its text, and the surface of its last word (掃除 of 部屋の掃除). */
    private record Span(int start, String text, String head) {
    }

    /** The noun phrase ending at {@code end}: a compound, extended backwards by と-coordination or one の. */
    private static Optional<Span> phraseEndingAt(List<Morpheme> ms, int end, Deed.Kind kind) {
        int start = compoundStart(ms, end);
        if (start < 0 || !acceptable(ms, start, end)) {
            return Optional.empty();
        }
        boolean onlyVerbNouns = true;
        for (int i = start; i <= end; i++) {
            if (!isVerbNoun(ms.get(i)) && !ms.get(i).partOfSpeech().startsWith("接頭詞")) {
                onlyVerbNouns = false;
            }
        }
        String head = join(ms, start, end);
        if (onlyVerbNouns) {
            // 買いに行った, 迎えに行った: a lone verb before に + a motion is a purpose, not a place
            boolean purpose = kind == Deed.Kind.OUTING || kind == Deed.Kind.BATH || kind == Deed.Kind.ATTEND;
            if (purpose || head.codePointCount(0, head.length()) < MIN_LONE_VERB_NOUN) {
                return Optional.empty();
            }
        }
        String text = head;
        while (start >= 2) {
            Morpheme joint = ms.get(start - 1);
            boolean no = "の".equals(joint.surface()) && joint.partOfSpeech().startsWith("助詞-連体化");
            boolean and = "と".equals(joint.surface()) && joint.isParticle();
            if (!no && !and) {
                break;
            }
            int modifierStart = compoundStart(ms, start - 2);
            if (modifierStart < 0 || !acceptable(ms, modifierStart, start - 2)) {
                break;
            }
            String modifier = join(ms, modifierStart, start - 2);
            if (no && !HAS_KANJI.matcher(modifier).matches()) {
                break; // a kana word before の is too often a child's name read as a common noun (そら, はな)
            }
            String longer = modifier + joint.surface() + text;
            if (longer.codePointCount(0, longer.length()) > MAX_PHRASE_LENGTH) {
                break;
            }
            text = longer;
            start = modifierStart;
            if (no) {
                break;
            }
        }
        if (text.codePointCount(0, text.length()) > MAX_PHRASE_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(new Span(start, text, ms.get(end).surface()));
    }

    /** The first index of the compound ending at {@code end}, or -1 when {@code end} is no noun. */
    private static int compoundStart(List<Morpheme> ms, int end) {
        if (end < 0 || !nounish(ms.get(end))) {
            return -1;
        }
        int start = end;
        while (start > 0 && nounish(ms.get(start - 1))) {
            start--;
        }
        if (start > 0 && ms.get(start - 1).partOfSpeech().startsWith("接頭詞-名詞接続")
                && JAPANESE_WORD.matcher(ms.get(start - 1).surface()).matches()) {
            start--;
        }
        return start;
    }

    /** Dictionary words only, no person or abstract word as the head or the whole, short enough. */
    private static boolean acceptable(List<Morpheme> ms, int start, int end) {
        for (int i = start; i <= end; i++) {
            if (ms.get(i).reading().isEmpty()) {
                return false; // unknown to the dictionary: slang, a typo, a name
            }
        }
        if (isNotADeed(ms.get(end))) {
            return false;
        }
        String text = join(ms, start, end);
        return !NOT_A_DEED.contains(text) && !NOT_A_DEED.contains(withoutPrefix(text)) && !PEOPLE.contains(text)
                && text.codePointCount(0, text.length()) <= MAX_PHRASE_LENGTH;
    }

    private static boolean isNotADeed(Morpheme m) {
        return isPerson(m) || NOT_A_DEED.contains(m.surface()) || NOT_A_DEED.contains(m.baseForm())
                || m.partOfSpeech().contains("固有名詞") || m.partOfSpeech().contains("代名詞");
    }

    /**
     * 夫が夕飯を…, ゆうくんは公園で…: the clause names someone else as the doer. Only the clause of the deed
     * counts: 「子どもが寝たあと、作り置きを作った」 is the user's (a verb ends the search).
     */
    private static boolean subjectIsSomeoneElse(List<Morpheme> ms, int phraseStart) {
        for (int i = phraseStart - 2; i >= 0; i--) {
            Morpheme m = ms.get(i);
            if (m.isVerb() || m.isAdjective()) {
                return false;
            }
            Morpheme next = ms.get(i + 1);
            if (isPerson(m) && next.isParticle() && Set.of("が", "は").contains(next.surface())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPerson(Morpheme m) {
        return PEOPLE.contains(m.surface()) || PEOPLE.contains(m.baseForm()) || m.partOfSpeech().contains("人名");
    }

    /** The verb's chain (auxiliaries, て, helper verbs) says it happened: past, and nothing in it undoes that. */
    private static boolean completed(List<Morpheme> ms, int verb) {
        boolean past = false;
        boolean te = false;
        int i = verb + 1;
        for (; i < ms.size(); i++) {
            Morpheme m = ms.get(i);
            String pos = m.partOfSpeech();
            boolean helper = m.isAuxiliary() || pos.startsWith("動詞-接尾") || pos.startsWith("動詞-非自立")
                    || pos.startsWith("形容詞-非自立") || (te && m.isVerb());
            if (helper) {
                if (NOT_DONE.contains(m.baseForm())) {
                    return false;
                }
                if ("た".equals(m.baseForm()) && m.isAuxiliary()) {
                    if (m.inflectionForm().startsWith("仮定")) {
                        return false; // 行ったら
                    }
                    past = true;
                }
                te = false;
            } else if (pos.startsWith("助詞-接続助詞") && Set.of("て", "で").contains(m.surface())) {
                te = true;
            } else {
                break;
            }
        }
        if (past) {
            return i >= ms.size() || !Set.of("方", "ほう").contains(ms.get(i).surface()); // 行った方がいい
        }
        if (te) {
            // 行けて嬉しかった: the clause goes on, the sentence tells of the past
            for (int j = i; j < ms.size(); j++) {
                Morpheme m = ms.get(j);
                if (m.isAuxiliary() && "た".equals(m.baseForm()) && !m.inflectionForm().startsWith("仮定")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The sentence is a question (行けたかな, 作った?). */
    private static boolean asked(List<Morpheme> ms, int verb) {
        for (int j = verb + 1; j < ms.size(); j++) {
            Morpheme m = ms.get(j);
            if (m.partOfSpeech().startsWith("助詞-終助詞") && Set.of("か", "かな", "かしら").contains(m.surface())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSentenceEnd(Morpheme m) {
        return SENTENCE_ENDS.contains(m.surface()) || m.partOfSpeech().startsWith("記号-句点")
                || m.surface().contains("\n");
    }

    private static String join(List<Morpheme> ms, int start, int end) {
        StringBuilder text = new StringBuilder();
        for (int i = start; i <= end; i++) {
            text.append(ms.get(i).surface());
        }
        return text.toString();
    }

    private static String withoutPrefix(String text) {
        return text.length() > 1 && (text.startsWith("お") || text.startsWith("ご")) ? text.substring(1) : text;
    }

    private static Map<String, Deed.Kind> verbs() {
        Map<String, Deed.Kind> map = new java.util.HashMap<>();
        put(map, Deed.Kind.OUTING, "行く", "いく", "行ける", "いける", "来る", "くる", "来れる", "出かける", "出掛ける",
                "でかける", "通う", "かよう", "連れる", "つれる", "連れ出す");
        put(map, Deed.Kind.BATH, "入れる", "いれる", "入る", "はいる");
        put(map, Deed.Kind.PLAY, "遊ぶ", "あそぶ", "遊べる", "あそべる");
        put(map, Deed.Kind.MADE, "作る", "つくる", "作れる", "つくれる", "焼く", "炊く");
        put(map, Deed.Kind.TOOK_TIME, "かかる", "掛かる");
        put(map, Deed.Kind.EFFORT, "頑張る", "がんばる", "頑張れる", "がんばれる");
        put(map, Deed.Kind.DONE, "やる", "やれる", "やりきる", "やり切る", "やり遂げる", "こなす", "こなせる", "終える",
                "終わる", "終わらせる", "済ませる", "済ます", "乗り切る", "乗りきる", "乗り越える", "乗りこえる");
        return Map.copyOf(map);
    }

    private static void put(Map<String, Deed.Kind> map, Deed.Kind kind, String... verbs) {
        for (String verb : verbs) {
            map.put(verb, kind);
        }
    }
}
