package jp.homebiyori.user.domain;

import jp.homebiyori.common.error.ApiException;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a nickname may be. The raw input is NFKC-normalised and trimmed; the result must have 1–20
 * characters (Unicode code points, as JavaScript's {@code [...s].length} counts them), no control or
 * invisible formatting characters, no URL or e-mail address, and no word of a small deny-list.
 * Pure: no I/O, no state.
 */
public final class NicknamePolicy {

    public static final int MAX_LENGTH = 20;

    /** The broken rule, as named in the 400's {@code details.rule}. */
    public enum Rule {
        BLANK("blank"), LENGTH("length"), CONTROL_CHARACTERS("control_characters"),
        EMAIL("email"), URL("url"), DENIED_WORD("denied_word");

        private final String id;

        Rule(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    private static final int ZERO_WIDTH_JOINER = 0x200D;
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+[.。][^\\s@]+");
    private static final Pattern URL = Pattern.compile(
            "(?i)([a-z][a-z0-9+.-]*://|\\bwww[.。]|[a-z0-9-]+[.。](com|net|org|jp|io|co|me|info|biz|app|dev|xyz|ly|to|tv|cc|link|site|online|shop|page|top)\\b)");
    /** Words that are abusive wherever they appear (after folding: lower case, hiragana, no separators). */
    private static final List<String> DENIED_ANYWHERE = List.of(
            "死ね", "氏ね", "殺す", "ぶっころ", "くたばれ", "ちんこ", "ちんぽ", "まんこ", "れいぷ", "強姦",
            "fuck", "shit", "bitch", "asshole", "cunt", "nigger", "killyourself");
    /** Short words that are abusive as the whole name but harmless inside others (カスタード, ばかり). */
    private static final List<String> DENIED_WHOLE = List.of(
            "しね", "ころす", "ばか", "馬鹿", "あほ", "阿呆", "くず", "屑", "かす", "ごみ", "ぶす", "きもい", "うざい", "きちがい", "がいじ");

    private NicknamePolicy() {
    }

    /** The nickname to store; a 400 {@code VALIDATION_ERROR} naming the rule if it breaks one. */
    public static String accept(String raw) {
        String nickname = normalize(raw);
        Optional<Rule> broken = violation(nickname);
        if (broken.isPresent()) {
            throw ApiException.validation("nickname", broken.get().id(), message(broken.get()));
        }
        return nickname;
    }

    /** NFKC, then trimmed of white space at both ends (also the ideographic space). */
    public static String normalize(String raw) {
        return raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
    }

    /** The first rule a normalised nickname breaks, if any. */
    public static Optional<Rule> violation(String nickname) {
        if (nickname.codePoints().allMatch(NicknamePolicy::invisible)) {
            return Optional.of(Rule.BLANK);
        }
        if (nickname.codePoints().anyMatch(NicknamePolicy::control)) {
            return Optional.of(Rule.CONTROL_CHARACTERS);
        }
        if (nickname.codePointCount(0, nickname.length()) > MAX_LENGTH) {
            return Optional.of(Rule.LENGTH);
        }
        if (EMAIL.matcher(nickname).find()) {
            return Optional.of(Rule.EMAIL);
        }
        if (URL.matcher(nickname).find()) {
            return Optional.of(Rule.URL);
        }
        String folded = fold(nickname);
        if (DENIED_WHOLE.contains(folded) || DENIED_ANYWHERE.stream().anyMatch(folded::contains)) {
            return Optional.of(Rule.DENIED_WORD);
        }
        return Optional.empty();
    }

    /** Control, line/paragraph separators, lone surrogates and invisible formatting (except the emoji joiner). */
    private static boolean control(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE || type == Character.PRIVATE_USE || type == Character.UNASSIGNED
                || (type == Character.FORMAT && cp != ZERO_WIDTH_JOINER);
    }

    /** Characters that show nothing by themselves: a name made only of these is blank. */
    private static boolean invisible(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == ZERO_WIDTH_JOINER
                || (cp >= 0xFE00 && cp <= 0xFE0F) || (Character.getType(cp) == Character.FORMAT);
    }

    /** Lower case, katakana as hiragana, and without spaces or punctuation, so "シ ネ" and "F.U.C.K" are caught. */
    static String fold(String nickname) {
        StringBuilder out = new StringBuilder();
        nickname.toLowerCase(Locale.ROOT).codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp)) {
                out.appendCodePoint(cp >= 0x30A1 && cp <= 0x30F6 ? cp - 0x60 : cp);
            }
        });
        return out.toString();
    }

    private static String message(Rule rule) {
        return switch (rule) {
            case BLANK -> "nickname must not be blank";
            case LENGTH -> "nickname must be 1 to " + MAX_LENGTH + " characters";
            case CONTROL_CHARACTERS -> "nickname must not contain control or invisible characters";
            case EMAIL -> "nickname must not contain an e-mail address";
            case URL -> "nickname must not contain a URL";
            case DENIED_WORD -> "nickname contains a word that is not allowed";
        };
    }
}
