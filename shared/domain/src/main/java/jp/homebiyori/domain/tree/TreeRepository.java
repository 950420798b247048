package jp.homebiyori.domain.tree;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

/** Trees in the trees table. Counters move by atomic ADD, so parallel messages never lose one. */
public interface TreeRepository {

    Optional<Tree> find(String userId);

    default Tree findOrEmpty(String userId) {
        return find(userId).orElseGet(() -> Tree.empty(userId));
    }

    /** Adds one message of {@code characters} characters (creating the tree if needed); returns the tree after. */
    Tree recordMessage(String userId, int characters, LocalDate jstDate, OffsetDateTime now);

    /**
     * Claims the user's one fruit of {@code jstDate}: true (and total_fruits + 1) if no fruit grew that
     * day yet, false if one did. Safe under concurrency: exactly one caller wins a day.
     */
    boolean claimFruitOfDay(String userId, LocalDate jstDate, OffsetDateTime now);

    /** Undoes a claim whose fruit could not be stored, so the day stays open. */
    void releaseFruitOfDay(String userId, LocalDate jstDate, LocalDate previousFruitDate);
}
