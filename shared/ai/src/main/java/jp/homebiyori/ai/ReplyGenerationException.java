package jp.homebiyori.ai;

/** A generator could not produce a usable reply (empty model output and the like). */
public class ReplyGenerationException extends RuntimeException {

    public ReplyGenerationException(String message) {
        super(message);
    }
}
