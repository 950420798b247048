package jp.homebiyori.common.db;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.homebiyori.common.error.ApiException;
import jp.homebiyori.common.error.ErrorCode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Opaque, signed pagination tokens. A token carries DynamoDB's {@code LastEvaluatedKey} and is bound
 * to a scope (the listing, its owner and its filters) with an HMAC, so a tampered token, a token of
 * another user or of another listing is a 400 {@code INVALID_PAGINATION_TOKEN}, never a 500 or a
 * peek at someone else's data. Keys hold string and number attributes only (ours do).
 */
public final class PageTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] key;

    public PageTokens(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the pagination key must have at least 16 characters");
        }
        this.key = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** A token for the page after {@code lastEvaluatedKey}, or null when there is no next page. */
    public String encode(Map<String, AttributeValue> lastEvaluatedKey, String scope) {
        if (lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()) {
            return null;
        }
        Map<String, String> plain = new TreeMap<>();
        lastEvaluatedKey.forEach((name, value) -> plain.put(name, value.n() != null ? "n:" + value.n() : "s:" + value.s()));
        try {
            String payload = ENCODER.encodeToString(JSON.writeValueAsBytes(plain));
            return payload + "." + ENCODER.encodeToString(mac(payload, scope));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The exclusive start key of a token, or null for no token; 400 if it is not a token of this scope. */
    public Map<String, AttributeValue> decode(String token, String scope) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || token.length() > 2048) {
            throw invalid();
        }
        String payload = token.substring(0, dot);
        try {
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, mac(payload, scope))) {
                throw invalid();
            }
            Map<String, String> plain = JSON.readValue(DECODER.decode(payload), new TypeReference<>() { });
            Map<String, AttributeValue> key = new LinkedHashMap<>();
            plain.forEach((name, value) -> key.put(name, value.startsWith("n:")
                    ? AttributeValue.fromN(value.substring(2)) : AttributeValue.fromS(value.substring(2))));
            return key;
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw invalid();
        }
    }

    private byte[] mac(String payload, String scope) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(scope.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiException invalid() {
        return ApiException.badRequest(ErrorCode.INVALID_PAGINATION_TOKEN,
                "next_token is not a token this listing issued; start again without it");
    }
}
