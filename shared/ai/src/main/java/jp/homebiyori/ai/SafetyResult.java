package jp.homebiyori.ai;

import java.util.Objects;

/** The safety step's answer to a message it recognised: the category and the fixed reply. */
public record SafetyResult(SafetyCategory category, String reply) {

    public SafetyResult {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(reply, "reply");
    }

    /** A message the safety step answered never grows a fruit. */
    public boolean fruitAllowed() {
        return false;
    }
}
