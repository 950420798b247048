package jp.homebiyori.common.db;

import jp.homebiyori.common.error.ApiException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageTokensTest {

    private final PageTokens tokens = new PageTokens("unit-test-key-0123456789");
    private final Map<String, AttributeValue> key = Map.of(
            "PK", AttributeValue.fromS("USER#u1"), "SK", AttributeValue.fromS("CHAT#2026-11-26T10:00:00.000+09:00"),
            "n", AttributeValue.fromN("42"));

    @Test
    void roundTrip_givesBackTheKey() {
        String token = tokens.encode(key, "chats:u1");
        assertThat(token).doesNotContain("USER#");
        assertThat(tokens.decode(token, "chats:u1")).isEqualTo(key);
    }

    @Test
    void noKey_noToken_andNoToken_noKey() {
        assertThat(tokens.encode(Map.of(), "s")).isNull();
        assertThat(tokens.encode(null, "s")).isNull();
        assertThat(tokens.decode(null, "s")).isNull();
        assertThat(tokens.decode("", "s")).isNull();
    }

    @Test
    void tokenOfAnotherUserOrListing_isRefused() {
        String token = tokens.encode(key, "chats:u1");
        assertInvalid(() -> tokens.decode(token, "chats:u2"));
        assertInvalid(() -> tokens.decode(token, "fruits:u1"));
    }

    @Test
    void tamperedOrGarbageToken_isRefused() {
        String token = tokens.encode(key, "chats:u1");
        String flipped = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);
        assertInvalid(() -> tokens.decode(flipped, "chats:u1"));
        assertInvalid(() -> tokens.decode("garbage", "chats:u1"));
        assertInvalid(() -> tokens.decode("###.###", "chats:u1"));
        assertInvalid(() -> tokens.decode("x".repeat(3000) + ".y", "chats:u1"));
    }

    @Test
    void tokenSignedWithAnotherKey_isRefused() {
        String token = new PageTokens("another-key-0123456789").encode(key, "chats:u1");
        assertInvalid(() -> tokens.decode(token, "chats:u1"));
    }

    private static void assertInvalid(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo("INVALID_PAGINATION_TOKEN"))
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(400));
    }
}
