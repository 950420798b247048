package jp.homebiyori.domain.feedback;

import java.time.OffsetDateTime;

/** Why a user cancelled: category, optional text, satisfaction 1–5, optional suggestions. */
public record CancellationFeedback(String userId, ReasonCategory reasonCategory, String reasonText,
                                   int satisfactionScore, String improvementSuggestions, OffsetDateTime createdAt) {

    public enum ReasonCategory {
        PRICE("price"), FEATURES("features"), USABILITY("usability"), OTHER("other");

        private final String id;

        ReasonCategory(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static ReasonCategory fromId(String id) {
            for (ReasonCategory c : values()) {
                if (c.id.equals(id)) {
                    return c;
                }
            }
            return OTHER;
        }
    }
}
