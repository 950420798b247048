package jp.homebiyori.domain.character;

import java.util.Arrays;
import java.util.Optional;

/** Reply depth: {@code normal} 2–3 sentences (everyone), {@code deep} 4–5 sentences (premium). */
public enum PraiseLevel {
    NORMAL("normal", 2, 3),
    DEEP("deep", 4, 5);

    private final String id;
    private final int minSentences;
    private final int maxSentences;

    PraiseLevel(String id, int minSentences, int maxSentences) {
        this.id = id;
        this.minSentences = minSentences;
        this.maxSentences = maxSentences;
    }

    public String id() {
        return id;
    }

    public int minSentences() {
        return minSentences;
    }

    public int maxSentences() {
        return maxSentences;
    }

    public boolean needsPremium() {
        return this == DEEP;
    }

    public static Optional<PraiseLevel> fromId(String id) {
        return Arrays.stream(values()).filter(l -> l.id.equals(id)).findFirst();
    }
}
