package jp.homebiyori.ai;

/**
 * One morpheme of a message as Kuromoji (IPADIC) reads it.
 *
 * @param surface        the text as written (after {@link Texts#normalize})
 * @param baseForm       the dictionary form of an inflected word (死にたくて → 死ぬ for 死に), else the surface
 * @param partOfSpeech   IPADIC's part of speech, e.g. {@code 動詞-自立}, {@code 助動詞}, {@code 名詞-一般}
 * @param inflectionForm IPADIC's conjugation form ({@code 連用形}, {@code 未然形} …), or empty
 * @param reading        the katakana reading, or empty for unknown words
 * @param start          where the morpheme starts in the normalized text (a char index)
 */
public record Morpheme(String surface, String baseForm, String partOfSpeech, String inflectionForm, String reading, int start) {

    /** Where the morpheme ends in the normalized text (exclusive). */
    public int end() {
        return start + surface.length();
    }

    /** The reading, or the surface in katakana when the dictionary has none (unknown words, kana spellings). */
    public String kana() {
        return reading.isEmpty() ? Texts.toKatakana(surface) : reading;
    }

    public boolean isVerb() {
        return partOfSpeech.startsWith("動詞");
    }

    public boolean isAdjective() {
        return partOfSpeech.startsWith("形容詞");
    }

    public boolean isNoun() {
        return partOfSpeech.startsWith("名詞");
    }

    public boolean isAuxiliary() {
        return partOfSpeech.startsWith("助動詞");
    }

    /** A particle (助詞): が, を, に, て, ば … */
    public boolean isParticle() {
        return partOfSpeech.startsWith("助詞");
    }

    public boolean isSymbol() {
        return partOfSpeech.startsWith("記号");
    }
}
