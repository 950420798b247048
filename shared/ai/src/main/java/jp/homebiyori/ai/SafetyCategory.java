package jp.homebiyori.ai;

/**
 * Messages the safety step answers with a fixed reply instead of a generated one, most urgent first
 * (when a message matches several, the first one wins). None of them ever grows a fruit.
 */
public enum SafetyCategory {
    /** Thoughts of suicide or self-harm: いのちの電話 and 119. */
    SELF_HARM("self_harm"),
    /** Suspected child abuse, including a parent afraid of hurting the child: 189, 110/119. */
    CHILD_ABUSE("child_abuse"),
    /** Violence from a partner or anyone else: DV相談ナビ #8008 and 110. */
    DOMESTIC_VIOLENCE("domestic_violence"),
    /** A medical question: a gentle "I can't judge that", the doctor, #8000, 119. */
    MEDICAL("medical"),
    /** Divorce or bereavement: acknowledged as heavy, without counsel. */
    DIVORCE_OR_BEREAVEMENT("divorce_or_bereavement");

    private final String id;

    SafetyCategory(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
