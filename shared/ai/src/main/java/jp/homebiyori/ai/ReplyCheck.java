package jp.homebiyori.ai;

import jp.homebiyori.domain.character.Mood;
import jp.homebiyori.domain.character.PraiseLevel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The reply rules of the prompts, checked on every generated reply before it is sent (Bedrock's and the
 * offline generator's alike): no advice or instructions, no comparisons, no medical judgement, the level's
 * sentence count, not empty, at most {@link #MAX_LENGTH} characters. The rules are the same in both moods.
 *
 * <p>Where a word's grammar decides, the reply is read as morphemes ({@link Morphology}): an imperative is
 * an inflection form ({@code 命令ｅ} 休め, {@code 命令ｉ} なさい/ください), べき is the auxiliary べし, 試す is
 * the verb in any inflection. A word that also narrates what the parent did is allowed in the past or
 * progressive (試したんだね, 薬を飲ませた, 様子を見てくれた) and refused otherwise (試してみて, 様子を見てね).
 * The rules are kept narrow on purpose: permission (泣いていい), wishes (眠れるといいな) and the characters'
 * 大丈夫 about the parent are not advice or medical judgement.
 *
 * <p>Thread-safe and stateless.
 */
public final class ReplyCheck {

    /** The longest reply sent, in code points (a deep reply of five sentences is ~150–250). */
    public static final int MAX_LENGTH = 400;

    private static final String TERMINATORS = "。!?";

    // ---------------------------------------------------------------- medical judgement
    private static final Pattern MEDICAL_ALWAYS = Pattern.compile(
            "診断|症状|処方|服用|投与|正常|異常|様子見|心配(は)?(いりません|ありません|いらないです)|問題(は)?ありません"
                    + "|病気(では|じゃ)(ない|ありません)|病気(かも|の可能性|でしょう|だと思)");
    /** Words about a body or an illness: 大丈夫 and the like next to them judge health. */
    private static final Set<String> BODY_WORDS = Set.of("熱", "発熱", "高熱", "微熱", "咳", "せき", "鼻水", "発疹", "湿疹",
            "下痢", "嘔吐", "便秘", "便", "うんち", "おしっこ", "体重", "身長", "発達", "発育", "体調", "具合", "怪我", "けが",
            "ケガ", "やけど", "火傷", "病気", "食欲", "黄疸", "けいれん", "痙攣", "ひきつけ", "顔色", "風邪", "かぜ", "吐く");
    private static final Pattern REASSURANCE = Pattern.compile(
            "大丈夫|心配(ない|いらない|しなくて|はいらない)|問題(ない|はない)|治る|治ります|よくなる|良くなる|おさまる");
    private static final Pattern MEDICAL_EN = Pattern.compile(
            "\\b(diagnos\\w*|symptoms?|medications?|medicine|see a doctor|nothing to worry about|perfectly normal)\\b");

    // ---------------------------------------------------------------- advice
    private static final Pattern ADVICE_JA = Pattern.compile(
            "(方|ほう)が(いい|よい|良い)|(て|で)は(どう|いかが)|(て|で)ごらん|おすすめ|お勧め|お薦め|オススメ|必要があ(る|り)"
                    + "|(たら|だら|ば)(どう|いかが|(いい|よい|良い)(?!な))");
    private static final Pattern ADVICE_EN = Pattern.compile(
            "\\byou (should|must|need to|have to|ought to)\\b|\\btry (to|it|this|that|doing)\\b"
                    + "|\\bwhy (don't|don’t|not) you\\b|\\bi (recommend|suggest)\\b|\\bmake sure\\b|\\bdon't forget\\b");
    /** Imperatives that greet or welcome (いってらっしゃい), not instruct. */
    private static final Set<String> GREETING_IMPERATIVES = Set.of("らっしゃる", "いらっしゃる");
    /** 〜てね that invites the parent to come back and talk (また聞かせてね), which is not advice. */
    private static final Set<String> INVITATIONS = Set.of("聞く", "話す", "教える", "来る");
    private static final Set<String> SENTENCE_END_PARTICLES = Set.of("ね", "ねぇ", "ねー", "よ", "な", "ぇ");
    private static final Set<String> GOOD = Set.of("いい", "よい", "良い");
    private static final Set<String> WISH_ENDINGS = Set.of("な", "なぁ", "なあ", "のに");

    // ---------------------------------------------------------------- comparison
    private static final Pattern COMPARISON_JA = Pattern.compile(
            "(他|ほか|よそ)の(子|子ども|子供|こども|お子さん|人|ひと|親|お母さん|お父さん|ママ|パパ|家|家庭|うち|方)"
                    + "|普通(は|なら|の(子|親|家庭|ママ|パパ|お母さん|お父さん))|ふつう(は|なら)|平均|比較|世間(の|一般)"
                    + "|(みんな|皆さん|皆|どの(親|お母さん|お父さん|ママ|パパ|家庭|子)も|誰(でも|しも))[^。!?]*?"
                    + "(してる|している|していま|やってる|やっている|やっていま|同じ|通る道|経験する|経験してる|そうだ|そうよ|そうなの|そうなん|そうじゃ)"
                    + "|ほど[^。!?]*(人|親|ママ|パパ|お母さん|お父さん)は(いない|いません|おらん|おらぬ)");
    private static final Pattern COMPARISON_EN = Pattern.compile(
            "\\bother (kids|children|parents|moms|mums|mothers|dads|fathers|families)\\b|\\bthan (other|most|everyone|before)\\b"
                    + "|\\baverage\\b|\\beveryone else\\b|\\bnormal (kids|children|parents)\\b");
    /** Nouns that make 〜より a comparison of people, or of the parent with their own past. */
    private static final Set<String> COMPARED = Set.of("人", "子", "子ども", "子供", "こども", "お子さん", "親", "母", "父",
            "母親", "父親", "ママ", "パパ", "お母さん", "お父さん", "誰", "みんな", "皆", "他人", "友達", "友人", "兄", "姉", "弟",
            "妹", "夫", "妻", "旦那", "私", "あたし", "わし", "あなた", "あんた", "自分", "周り", "まわり", "同級生", "兄弟",
            "姉妹", "前", "以前", "昨日", "去年", "昨年", "先月", "先週", "昔", "当時", "最初", "初め", "はじめ", "前回", "過去",
            "今まで", "これまで", "いつも", "普段", "ふだん");

    /**
     * The first rule {@code reply} breaks, or empty when it may be sent. Content rules come before the
     * sentence count: a reply that gives medical advice in the wrong length is reported as medical.
     */
    public Optional<ReplyViolation> check(String reply, Mood mood, PraiseLevel level) {
        Objects.requireNonNull(mood, "mood");
        Objects.requireNonNull(level, "level");
        if (reply == null || reply.isBlank()) {
            return Optional.of(ReplyViolation.EMPTY);
        }
        if (Texts.length(reply) > MAX_LENGTH) {
            return Optional.of(ReplyViolation.TOO_LONG);
        }
        Optional<ReplyViolation> content = contentViolation(reply);
        if (content.isPresent()) {
            return content;
        }
        int count = sentenceCount(reply);
        if (count < level.minSentences() || count > level.maxSentences()) {
            return Optional.of(ReplyViolation.SENTENCE_COUNT);
        }
        return Optional.empty();
    }

    /** The first content rule (medical judgement, advice, comparison) that {@code text} breaks, whatever its length. */
    static Optional<ReplyViolation> contentViolation(String text) {
        String normalized = Texts.normalize(text);
        List<Sentence> sentences = sentences(Morphology.analyze(text));
        if (MEDICAL_EN.matcher(normalized).find() || any(sentences, ReplyCheck::judgesHealth)) {
            return Optional.of(ReplyViolation.MEDICAL_JUDGEMENT);
        }
        if (ADVICE_EN.matcher(normalized).find() || any(sentences, ReplyCheck::advises)) {
            return Optional.of(ReplyViolation.ADVICE);
        }
        if (COMPARISON_EN.matcher(normalized).find() || any(sentences, ReplyCheck::compares)) {
            return Optional.of(ReplyViolation.COMPARISON);
        }
        return Optional.empty();
    }

    /**
     * The sentences as {@link Texts#countTerminatedSentences} counts them, plus a last one left without
     * its 。！？ (so an unterminated sixth sentence cannot pass as five).
     */
    static int sentenceCount(String reply) {
        String trimmed = reply.strip();
        int end = trimmed.length();
        while (end > 0 && "」』）)\"'”’".indexOf(trimmed.charAt(end - 1)) >= 0) {
            end--;
        }
        boolean unterminatedTail = end > 0 && "。！？!?".indexOf(trimmed.charAt(end - 1)) < 0;
        return Texts.countTerminatedSentences(trimmed) + (unterminatedTail ? 1 : 0);
    }

    /** One sentence: its morphemes (without the terminator) and their normalized text. */
    private record Sentence(List<Morpheme> morphemes, String text) {

        Morpheme at(int i) {
            return i >= 0 && i < morphemes.size() ? morphemes.get(i) : null;
        }
    }

    private static List<Sentence> sentences(List<Morpheme> morphemes) {
        List<Sentence> sentences = new ArrayList<>();
        List<Morpheme> current = new ArrayList<>();
        for (Morpheme m : morphemes) {
            if (!m.surface().isEmpty() && m.surface().chars().allMatch(c -> TERMINATORS.indexOf(c) >= 0)) {
                add(sentences, current);
                current = new ArrayList<>();
            } else {
                current.add(m);
            }
        }
        add(sentences, current);
        return sentences;
    }

    private static void add(List<Sentence> sentences, List<Morpheme> morphemes) {
        if (!morphemes.isEmpty()) {
            StringBuilder text = new StringBuilder();
            morphemes.forEach(m -> text.append(m.surface()));
            sentences.add(new Sentence(List.copyOf(morphemes), text.toString()));
        }
    }

    private static boolean any(List<Sentence> sentences, Predicate<Sentence> rule) {
        return sentences.stream().anyMatch(rule);
    }

    // ---------------------------------------------------------------- the rules, one sentence at a time

    private static boolean judgesHealth(Sentence s) {
        if (MEDICAL_ALWAYS.matcher(s.text()).find()) {
            return true;
        }
        boolean body = s.morphemes().stream().anyMatch(m -> BODY_WORDS.contains(m.surface()) || BODY_WORDS.contains(m.baseForm()));
        if (body && REASSURANCE.matcher(s.text()).find()) {
            return true;
        }
        for (int i = 0; i < s.morphemes().size(); i++) {
            Morpheme m = s.morphemes().get(i);
            // 受診 (しましょう / させてね …), unless it tells what the parent did (受診させた)
            if (m.surface().equals("受診") && !narrates(s, i)) {
                return true;
            }
            // 薬を飲ませて / 薬は使わなくていい …; 薬を飲ませたんだね tells what happened
            if (m.isNoun() && m.surface().contains("薬") && objectVerbDoesNotNarrate(s, i)) {
                return true;
            }
            // 様子を見て(ね) / 様子を見ましょう; 様子を見てくれた is what someone did
            if (m.surface().equals("様子") && s.at(i + 2) != null && s.at(i + 2).baseForm().equals("見る")
                    && objectVerbDoesNotNarrate(s, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean advises(Sentence s) {
        if (ADVICE_JA.matcher(s.text()).find()) {
            return true;
        }
        for (int i = 0; i < s.morphemes().size(); i++) {
            Morpheme m = s.morphemes().get(i);
            boolean inflecting = m.isVerb() || m.isAuxiliary();
            // 休め, 寝なさい, 頼ってください
            if (inflecting && m.inflectionForm().startsWith("命令") && !GREETING_IMPERATIVES.contains(m.baseForm())) {
                return true;
            }
            // 休むべき(だ), 頼るべきです
            if (m.isAuxiliary() && m.baseForm().equals("べし")) {
                return true;
            }
            // 〜ましょう
            if (m.isAuxiliary() && m.baseForm().equals("ます") && m.inflectionForm().startsWith("未然ウ")
                    && s.at(i + 1) != null && s.at(i + 1).baseForm().equals("う")) {
                return true;
            }
            // 試す in any inflection, unless the parent already tried (試したんだね, 試してるね); 試しに
            if (m.isVerb() && m.baseForm().equals("試す") && !narrates(s, i)) {
                return true;
            }
            if (m.isNoun() && m.surface().equals("試し")) {
                return true;
            }
            if (isRequest(s, i) || isSuggestion(s, i)) {
                return true;
            }
        }
        return false;
    }

    /** 〜てね / 〜てみて / 〜しないでね at the end of a sentence: a request (but not 〜てくれて, nor また聞かせてね). */
    private static boolean isRequest(Sentence s, int i) {
        Morpheme m = s.at(i);
        if (!m.partOfSpeech().startsWith("助詞-接続助詞") || !(m.surface().equals("て") || m.surface().equals("で"))) {
            return false;
        }
        Morpheme before = s.at(i - 1);
        if (before == null || !(before.isVerb() || before.isAuxiliary())
                || before.baseForm().equals("くれる") || before.baseForm().equals("もらう")) {
            return false;
        }
        Morpheme after = s.at(i + 1);
        boolean ends = after == null || SENTENCE_END_PARTICLES.contains(after.surface())
                || (after.surface().equals("は") && s.at(i + 2) == null);
        if (!ends) {
            return false;
        }
        for (int j = i - 1; j >= 0; j--) {
            Morpheme verb = s.at(j);
            if (verb.partOfSpeech().startsWith("動詞-自立")) {
                return !INVITATIONS.contains(verb.baseForm());
            }
        }
        return true;
    }

    /** 〜するといい(よ), 〜てみるといい: a verb's plain form, と, いい — not a wish (〜といいな). */
    private static boolean isSuggestion(Sentence s, int i) {
        Morpheme m = s.at(i);
        if (!m.surface().equals("と") || !m.partOfSpeech().startsWith("助詞-接続助詞")) {
            return false;
        }
        Morpheme before = s.at(i - 1);
        Morpheme good = s.at(i + 1);
        if (before == null || good == null || !(before.isVerb() || before.isAuxiliary())
                || !good.isAdjective() || !GOOD.contains(good.baseForm())) {
            return false;
        }
        Morpheme after = s.at(i + 2);
        return after == null || !WISH_ENDINGS.contains(after.surface());
    }

    private static boolean compares(Sentence s) {
        if (COMPARISON_JA.matcher(s.text()).find()) {
            return true;
        }
        for (int i = 0; i < s.morphemes().size(); i++) {
            Morpheme m = s.morphemes().get(i);
            // 他のママより, 前より, 誰よりも, ○○ちゃんより
            if (m.surface().equals("より") && m.partOfSpeech().startsWith("助詞-格助詞")) {
                Morpheme before = s.at(i - 1);
                if (before != null && (COMPARED.contains(before.surface()) || before.partOfSpeech().contains("人名"))) {
                    return true;
                }
            }
            // 比べる, unless the sentence denies it (比べなくていい, 比べる必要はない)
            if (m.isVerb() && m.baseForm().equals("比べる") && !deniedAfter(s, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean deniedAfter(Sentence s, int i) {
        for (int j = i + 1; j < s.morphemes().size(); j++) {
            String base = s.at(j).baseForm();
            if (base.equals("ない") || base.equals("ぬ") || base.equals("ず")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the verb chain after index {@code i} tells what happened or is going on: it reaches the past
     * た (not its conditional たら) or the progressive いる/てる, through auxiliaries, non-independent and
     * suffix verbs and て/で, and (right after a サ変 noun such as 受診) する/させる/できる.
     */
    private static boolean narrates(Sentence s, int i) {
        for (int j = i + 1; j < s.morphemes().size(); j++) {
            Morpheme m = s.at(j);
            String pos = m.partOfSpeech();
            if (m.isAuxiliary()) {
                if (m.baseForm().equals("た") && !m.inflectionForm().startsWith("仮定")) {
                    return true;
                }
            } else if (pos.startsWith("動詞-非自立")) {
                if (Set.of("いる", "おる", "てる", "でる", "とる").contains(m.baseForm())) {
                    return true;
                }
            } else if (pos.startsWith("動詞-接尾")) {
                continue;
            } else if (m.isParticle() && (m.surface().equals("て") || m.surface().equals("で"))) {
                continue;
            } else if (!(j == i + 1 && m.isVerb() && Set.of("する", "させる", "できる").contains(m.baseForm()))) {
                return false;
            }
        }
        return false;
    }

    /** For 薬 and 様子: followed by を/は/も and a verb whose chain does not narrate. */
    private static boolean objectVerbDoesNotNarrate(Sentence s, int noun) {
        Morpheme particle = s.at(noun + 1);
        Morpheme verb = s.at(noun + 2);
        if (particle == null || verb == null || !Set.of("を", "は", "も").contains(particle.surface()) || !verb.isVerb()) {
            return false;
        }
        return !narrates(s, noun + 2);
    }
}
