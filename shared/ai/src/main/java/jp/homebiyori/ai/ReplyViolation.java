package jp.homebiyori.ai;

/**
 * Why a generated reply was not sent as written. The names are stable: they appear in logs and in
 * the tests' labelled replies. {@link ReplyCheck} gives all but {@link #GUARDRAIL}.
 */
public enum ReplyViolation {
    /** Nothing but white space. */
    EMPTY,
    /** Longer than {@link ReplyCheck#MAX_LENGTH} characters. */
    TOO_LONG,
    /** Fewer or more sentences than the praise level allows (normal 2–3, deep 4–5). */
    SENTENCE_COUNT,
    /** Advice, instructions or suggestions (〜しましょう, 〜してください, 〜した方がいい, imperatives …). */
    ADVICE,
    /** A comparison with other children or parents, with "normal" or average, or with the parent's past. */
    COMPARISON,
    /** A diagnosis or a judgement about health (症状, 受診, 様子を見て, "the fever is fine" …). */
    MEDICAL_JUDGEMENT,
    /** Bedrock's guardrail intervened on the message or on the model's answer (not a {@link ReplyCheck} rule). */
    GUARDRAIL
}
