package jp.homebiyori.ai;

import java.util.List;
import java.util.Set;

/**
 * Whether a word of a message is negated, read from its morphemes: the word is followed — through
 * the little words that bind it (て, で, は, も, じゃ, では, く, いる) — by a negating auxiliary
 * (ない, ぬ, ず, ん, ません) or the adjective ない; unless a second negation follows (楽しくない
 * わけじゃない, 嬉しくないことはない), which affirms it again.
 */
final class Negation {

    private static final Set<String> BRIDGES = Set.of("て", "で", "は", "も", "じゃ", "では", "く", "い", "いる", "なんか", "なんて",
            "まで", "すら", "さえ", "そんなに", "あまり", "あんまり", "もう", "ませ", "ちゃ", "まだ", "そう", "られ", "れ", "られる", "れる", "こと",
            "し", "する", "さ", "せ", "でき", "できる", "出来", "出来る", "た", "と", "を", "が", "に", "ごと", "事", "感", "気分", "気持ち", "なれ", "なる",
            "感じ", "感じる", "感じられ", "思わ", "思う", "思え", "どころ", "すっかり", "全然", "ぜんぜん", "別に", "べつに", "全く", "まったく");
    /** Verbs that end a feeling (不安はもう消えた, 疲れが取れた): reached through the bridges, they negate it like ない. */
    private static final Set<String> CEASING = Set.of("消える", "取れる", "とれる", "なくなる", "無くなる", "吹き飛ぶ", "吹っ飛ぶ", "晴れる", "和らぐ", "治まる",
            "おさまる", "収まる", "解消", "薄れる", "抜ける");
    private static final Set<String> NEGATORS = Set.of("ない", "ぬ", "ず", "ん", "無い", "なし", "ねえ", "ねー", "へん", "ひん");
    private static final Set<String> SECOND = Set.of("わけ", "訳", "こと", "事");

    private Negation() {
    }

    /** Whether the text between {@code start} and {@code end} (normalized offsets) is negated. */
    static boolean negates(List<Morpheme> morphemes, int start, int end) {
        int last = -1;
        for (int i = 0; i < morphemes.size(); i++) {
            Morpheme m = morphemes.get(i);
            if (m.start() < end && m.end() > start) {
                last = i;
            }
        }
        if (last < 0) {
            return false;
        }
        for (int i = last + 1; i < morphemes.size() && i <= last + 5; i++) {
            Morpheme m = morphemes.get(i);
            if (m.start() < end) {
                continue; // still inside the keyword (眠れな: its own ない is the word, not a negation of it)
            }
            if (isNegator(m) || (m.isVerb() || m.isNoun()) && CEASING.contains(m.baseForm())) {
                return !negatedAgain(morphemes, i);
            }
            if (!BRIDGES.contains(m.surface()) && !BRIDGES.contains(m.baseForm())) {
                return false;
            }
        }
        return false;
    }

    private static boolean isNegator(Morpheme m) {
        return (m.isAuxiliary() || m.isAdjective()) && (NEGATORS.contains(m.baseForm()) || NEGATORS.contains(m.surface()))
                || (m.isAuxiliary() && m.surface().equals("ん"));
    }

    private static boolean negatedAgain(List<Morpheme> morphemes, int negator) {
        for (int i = negator + 1; i < morphemes.size() && i <= negator + 4; i++) {
            Morpheme m = morphemes.get(i);
            if (isNegator(m)) {
                return true; // 楽しくなくはない
            }
            if (SECOND.contains(m.surface()) || m.surface().equals("なんて") || m.surface().equals("とは")) {
                for (int j = i + 1; j < morphemes.size() && j <= i + 3; j++) {
                    if (isNegator(morphemes.get(j))) {
                        return true;
                    }
                }
                return false;
            }
            if (!m.isAuxiliary() && !m.isParticle() && !m.baseForm().matches("言う|思う|いう")) {
                return false;
            }
        }
        return false;
    }
}
