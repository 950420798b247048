package jp.homebiyori.ai;

import jp.homebiyori.domain.chat.AiDisclaimer;

/**
 * The note every AI reply carries (domain.md: "replies carry a note that AI answers may be wrong"): the
 * domain's {@link AiDisclaimer#TEXT}, which tree-service (without the AI layer) shows with a fruit's reply.
 */
public final class Disclaimer {

    public static final String TEXT = AiDisclaimer.TEXT;

    private Disclaimer() {
    }
}
