package jp.homebiyori.ai;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to call Bedrock.
 *
 * @param modelId     the model (default Claude 3 Haiku)
 * @param maxTokens   the reply budget (domain.md: 200)
 * @param temperature 0–1 (domain.md: 0.7)
 * @param timeout     the API call timeout; a slower answer counts as a failure and falls back
 * @param region      the AWS region of Bedrock Runtime
 * @param endpoint    an endpoint override for tests and local stand-ins
 */
public record BedrockSettings(String modelId, int maxTokens, float temperature, Duration timeout, String region,
                              Optional<String> endpoint) {

    public static final String DEFAULT_MODEL_ID = "anthropic.claude-3-haiku-20240307-v1:0";
    public static final int DEFAULT_MAX_TOKENS = 200;
    public static final float DEFAULT_TEMPERATURE = 0.7f;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(8);
    public static final String DEFAULT_REGION = "ap-northeast-1";

    public BedrockSettings {
        if (modelId == null || modelId.isBlank()) {
            throw new IllegalArgumentException("model id is required");
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("max tokens must be positive");
        }
        if (!(temperature >= 0f && temperature <= 1f)) {
            throw new IllegalArgumentException("temperature must be within 0–1");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        Objects.requireNonNull(region, "region");
        endpoint = endpoint.filter(e -> !e.isBlank());
    }

    /** domain.md's model settings in the default region, without an endpoint override. */
    public static BedrockSettings defaults() {
        return new BedrockSettings(DEFAULT_MODEL_ID, DEFAULT_MAX_TOKENS, DEFAULT_TEMPERATURE, DEFAULT_TIMEOUT,
                DEFAULT_REGION, Optional.empty());
    }
}
