package jp.homebiyori.ttlupdater;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/**
 * The TTL queue's message, as the design document defines it: {@code user_id, old_plan, new_plan,
 * timestamp, source, request_id}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TtlUpdateMessage(@JsonProperty("user_id") String userId,
                               @JsonProperty("old_plan") String oldPlan,
                               @JsonProperty("new_plan") String newPlan,
                               @JsonProperty("timestamp") String timestamp,
                               @JsonProperty("source") String source,
                               @JsonProperty("request_id") String requestId) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Parses a message body; a body that is not a valid message is an {@link IllegalArgumentException}. */
    public static TtlUpdateMessage parse(String body) {
        try {
            TtlUpdateMessage message = JSON.readValue(body, TtlUpdateMessage.class);
            if (message.userId() == null || !message.userId().matches("[A-Za-z0-9_-]{1,128}")) {
                throw new IllegalArgumentException("TTL message without a valid user_id");
            }
            return message;
        } catch (IOException e) {
            throw new IllegalArgumentException("TTL message is not JSON of the documented shape", e);
        }
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
