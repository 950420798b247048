package jp.homebiyori.domain.character;

import java.util.Arrays;
import java.util.Optional;

/** The five emotions the analysis detects in a message (and a fruit keeps). */
public enum Emotion {
    JOY("joy"),
    SADNESS("sadness"),
    FATIGUE("fatigue"),
    ACCOMPLISHMENT("accomplishment"),
    WORRY("worry");

    private final String id;

    Emotion(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Emotion> fromId(String id) {
        return Arrays.stream(values()).filter(e -> e.id.equals(id)).findFirst();
    }
}
