package jp.homebiyori.ai;

import java.util.List;
import java.util.Objects;

/**
 * Bedrock's guardrail intervened (Converse {@code stopReason} {@code guardrail_intervened}): on the message
 * (input) or on the model's answer (output). The text Bedrock returned is the guardrail's blocked message,
 * never a reply; {@link AiReplies} replaces it with the offline reply (with the safety step's self-harm reply
 * when the message was blocked for {@link #SELF_HARM_TOPIC}) and counts it as a rejected reply (code
 * {@link ReplyViolation#GUARDRAIL}), not as a fallback: Bedrock answered, its answer was refused.
 *
 * @param blocked  where the guardrail blocked: {@code input}, {@code output}, both, or {@code unknown} without a trace
 * @param policies the guardrail's own names of what it blocked ({@code topic MedicalAdvice}, {@code content HATE}) —
 *                 configuration names, never chat text, so they may be logged
 */
public final class GuardrailIntervention extends RuntimeException {

    /**
     * The denied topic of the template's guardrail (infra/template.yaml, {@code ChatGuardrail}) for self-harm
     * instructions and methods. Blocked on the message, the parent gets the safety step's self-harm reply.
     */
    public static final String SELF_HARM_TOPIC = "SelfHarmMethods";

    private final String blocked;
    private final List<String> policies;

    public GuardrailIntervention(String blocked, List<String> policies) {
        super("Bedrock's guardrail intervened on " + blocked + (policies.isEmpty() ? "" : ": " + String.join(", ", policies)),
                null, false, false);
        this.blocked = Objects.requireNonNull(blocked, "blocked");
        this.policies = List.copyOf(policies);
    }

    public String blocked() {
        return blocked;
    }

    public List<String> policies() {
        return policies;
    }

    /** Whether the guardrail blocked the message itself for the self-harm topic. */
    public boolean blockedSelfHarmInput() {
        return blocked.startsWith("input") && policies.contains("topic " + SELF_HARM_TOPIC);
    }
}
