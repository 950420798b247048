package jp.homebiyori.domain.character;

import java.util.Arrays;
import java.util.Optional;

/** How the character answers: {@code praise} concrete deeds and the person, or {@code listen} only. */
public enum Mood {
    PRAISE("praise"),
    LISTEN("listen");

    private final String id;

    Mood(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Mood> fromId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }
}
