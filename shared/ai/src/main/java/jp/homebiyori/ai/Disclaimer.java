package jp.homebiyori.ai;

/** The note every AI reply carries (domain.md: "replies carry a note that AI answers may be wrong"). */
public final class Disclaimer {

    public static final String TEXT = "AIの回答は誤りを含む可能性があります。";

    private Disclaimer() {
    }
}
