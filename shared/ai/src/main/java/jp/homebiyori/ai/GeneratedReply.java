package jp.homebiyori.ai;

import java.util.Objects;

/** A generator's reply and who actually wrote it (BEDROCK, OFFLINE or FALLBACK). */
public record GeneratedReply(String text, ReplySource source) {

    public GeneratedReply {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
    }
}
