package jp.homebiyori.ai;

import java.util.Objects;

/**
 * What the parent did, as {@link DeedFinder} read it from a message: a short noun phrase of the message
 * ({@code 公園}, {@code 保育園の送り迎え}) and the kind of doing, which decides the words around it. The verb
 * is never the user's: each kind has its own fixed predicate ({@link #act()}).
 *
 * @param phrase at most {@link DeedFinder#MAX_PHRASE_LENGTH} code points of nouns, joined by の or と
 * @param kind   how the phrase was done
 */
record Deed(String phrase, Kind kind) {

    /** The kinds of doing the finder recognises, each with the predicate the replies use. */
    enum Kind {
        /** 公園に行けた, 歯医者に連れて行った. */
        OUTING("に行けた"),
        /** お風呂に入れた, お風呂に入れられた. */
        BATH("に入れた"),
        /** 公園で遊べた. */
        PLAY("で遊べた"),
        /** 健診に参加した. */
        ATTEND("に参加できた"),
        /** 離乳食を作った, お弁当作れた. */
        MADE("を作った"),
        /** 寝かしつけに2時間かかった: the time it took, never the figure. */
        TOOK_TIME("にじっくり向き合った"),
        /** 部屋の片付けを頑張った. */
        EFFORT("を頑張った"),
        /** 保育園の送り迎え、全部やった; 寝かしつけまで終わった; 掃除した. */
        DONE("をやり切った");

        private final String predicate;

        Kind(String predicate) {
            this.predicate = predicate;
        }
    }

    Deed {
        Objects.requireNonNull(phrase, "phrase");
        Objects.requireNonNull(kind, "kind");
    }

    /** The deed as a plain past clause in our own words around the phrase: 公園に行けた, 離乳食を作った. */
    String act() {
        return phrase + kind.predicate;
    }
}
