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
 * @param guardrail   the Bedrock guardrail every Converse call names, if any (in AWS: the template's)
 */
public record BedrockSettings(String modelId, int maxTokens, float temperature, Duration timeout, String region,
                              Optional<String> endpoint, Optional<Guardrail> guardrail) {

    /**
     * A guardrail of Amazon Bedrock by its id (or ARN) and version.
     *
     * @param version a published version number, or {@code DRAFT} (the working copy; for trying a change out)
     */
    public record Guardrail(String identifier, String version) {

        public Guardrail {
            if (identifier == null || identifier.isBlank()) {
                throw new IllegalArgumentException("a guardrail needs its id");
            }
            if (version == null || !version.matches("DRAFT|[1-9][0-9]{0,7}")) {
                throw new IllegalArgumentException("a guardrail version is a number or DRAFT, not " + version);
            }
        }

        /**
         * The guardrail of the two configuration values: none when both are absent or blank, refused when
         * only one is given (a half-configured guardrail would silently run without one).
         */
        public static Optional<Guardrail> of(Optional<String> identifier, Optional<String> version) {
            Optional<String> id = identifier.map(String::strip).filter(s -> !s.isEmpty());
            Optional<String> v = version.map(String::strip).filter(s -> !s.isEmpty());
            if (id.isEmpty() && v.isEmpty()) {
                return Optional.empty();
            }
            if (id.isEmpty() || v.isEmpty()) {
                throw new IllegalArgumentException(
                        "homebiyori.ai.bedrock.guardrail-id and homebiyori.ai.bedrock.guardrail-version go together");
            }
            return Optional.of(new Guardrail(id.get(), v.get()));
        }
    }

    /** Without a guardrail. */
    public BedrockSettings(String modelId, int maxTokens, float temperature, Duration timeout, String region,
                           Optional<String> endpoint) {
        this(modelId, maxTokens, temperature, timeout, region, endpoint, Optional.empty());
    }

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
        Objects.requireNonNull(guardrail, "guardrail");
    }

    /** These settings with {@code guardrail}. */
    public BedrockSettings withGuardrail(Guardrail guardrail) {
        return new BedrockSettings(modelId, maxTokens, temperature, timeout, region, endpoint, Optional.of(guardrail));
    }

    /** domain.md's model settings in the default region, without an endpoint override or guardrail. */
    public static BedrockSettings defaults() {
        return new BedrockSettings(DEFAULT_MODEL_ID, DEFAULT_MAX_TOKENS, DEFAULT_TEMPERATURE, DEFAULT_TIMEOUT,
                DEFAULT_REGION, Optional.empty());
    }
}
