package jp.homebiyori.domain.chat;

/**
 * The note shown wherever an AI reply is shown (domain.md: "replies carry a note that AI answers may be
 * wrong"): the chat send and stamp answers, the chat history and a fruit's details. It lives here, in the
 * domain both chat-service and tree-service use, so that there is one text; the AI layer's
 * {@code jp.homebiyori.ai.Disclaimer#TEXT} is this constant.
 */
public final class AiDisclaimer {

    public static final String TEXT = "AIの回答は誤りを含む可能性があります。";

    private AiDisclaimer() {
    }
}
