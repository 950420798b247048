package jp.homebiyori.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks that a failure carries exactly the specs' {@code Error} body with the expected status and code. */
public final class ErrorAssertions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorAssertions() {
    }

    public static JsonNode assertError(RawHttp.Reply reply, int status, String code) {
        assertThat(reply.status()).as("status of %s", reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        return assertErrorBody(reply.body(), code);
    }

    /** For the generated clients' exceptions: {@code assertError(e.getCode(), e.getResponseBody(), 404, "NOT_FOUND")}. */
    public static JsonNode assertError(int actualStatus, String body, int status, String code) {
        assertThat(actualStatus).as("status of %s", body).isEqualTo(status);
        return assertErrorBody(body, code);
    }

    private static JsonNode assertErrorBody(String body, String code) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("error body is not JSON: " + body, e);
        }
        assertThat(json.path("code").asText()).as("code in %s", body).isEqualTo(code);
        assertThat(json.path("message").asText()).isNotBlank();
        assertThat(json.path("request_id").asText()).isNotBlank();
        json.fieldNames().forEachRemaining(f -> assertThat(f).isIn("code", "message", "request_id", "details"));
        assertThat(body).doesNotContain("Exception").doesNotContain("\tat ");
        return json;
    }
}
