package jp.homebiyori.ai;

/** The port that writes a character's reply to a message that passed the safety step. */
public interface ReplyGenerator {

    /**
     * @throws ReplyGenerationException (or any runtime exception of an adapter) when no reply could be
     *                                  made; {@link FallbackReplyGenerator} turns that into an offline reply
     */
    GeneratedReply generate(ReplyRequest request);
}
