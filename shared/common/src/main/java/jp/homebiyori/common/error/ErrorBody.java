package jp.homebiyori.common.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;

/** The specs' {@code Error} schema: every 4xx and 5xx answer carries exactly this. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ErrorBody(
        @JsonProperty("code") String code,
        @JsonProperty("message") String message,
        @JsonProperty("request_id") String requestId,
        @JsonProperty("details") Map<String, Object> details) {
}
