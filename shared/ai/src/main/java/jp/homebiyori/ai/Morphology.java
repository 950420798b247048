package jp.homebiyori.ai;

import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.tokenattributes.BaseFormAttribute;
import org.apache.lucene.analysis.ja.tokenattributes.InflectionAttribute;
import org.apache.lucene.analysis.ja.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.ja.tokenattributes.ReadingAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Japanese text as morphemes, by Lucene's Kuromoji tokenizer with its built-in IPADIC dictionary (inside
 * the kuromoji jar, so the AI layer carries it in both forms). {@code NORMAL} mode — compounds are not
 * split, which keeps 睡眠薬 one noun — and punctuation kept, so sentence ends stay visible.
 *
 * <p>A tokenizer is not thread-safe and costs a few kilobytes of buffers: one per thread, reused. The
 * dictionaries are loaded once per process, on the first message (or by {@link #warmUp}).
 */
public final class Morphology {

    private static final ThreadLocal<JapaneseTokenizer> TOKENIZER = ThreadLocal.withInitial(
            () -> new JapaneseTokenizer(null, false, JapaneseTokenizer.Mode.NORMAL));

    private Morphology() {
    }

    /** The morphemes of {@code text}, normalized first ({@link Texts#normalize}). */
    public static List<Morpheme> analyze(String text) {
        JapaneseTokenizer tokenizer = TOKENIZER.get();
        CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
        BaseFormAttribute base = tokenizer.addAttribute(BaseFormAttribute.class);
        PartOfSpeechAttribute pos = tokenizer.addAttribute(PartOfSpeechAttribute.class);
        InflectionAttribute inflection = tokenizer.addAttribute(InflectionAttribute.class);
        ReadingAttribute reading = tokenizer.addAttribute(ReadingAttribute.class);
        OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);
        List<Morpheme> morphemes = new ArrayList<>();
        try {
            tokenizer.setReader(new StringReader(Texts.normalize(text)));
            tokenizer.reset();
            while (tokenizer.incrementToken()) {
                String surface = term.toString();
                String baseForm = base.getBaseForm();
                morphemes.add(new Morpheme(surface, baseForm == null ? surface : baseForm,
                        orEmpty(pos.getPartOfSpeech()), orEmpty(inflection.getInflectionForm()), orEmpty(reading.getReading()), offset.startOffset()));
            }
            tokenizer.end();
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        } finally {
            try {
                tokenizer.close();
            } catch (IOException ignored) {
                // closing a string reader does not fail
            }
        }
        return morphemes;
    }

    /** Loads the dictionaries now (start-up, SnapStart priming) rather than on the first message. */
    public static void warmUp() {
        analyze("今日は公園に行けた。");
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
