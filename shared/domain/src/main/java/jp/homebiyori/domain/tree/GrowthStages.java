package jp.homebiyori.domain.tree;

import java.util.List;
import java.util.OptionalLong;

/**
 * The six stages of the tree by cumulative characters: stage 1 below the first threshold, stage 6 at
 * or above the last. Thresholds come from the {@code tree/growth_thresholds} parameter
 * (default 100, 500, 1500, 3000, 5000).
 */
public record GrowthStages(List<Long> thresholds) {

    public static final GrowthStages DEFAULT = new GrowthStages(List.of(100L, 500L, 1500L, 3000L, 5000L));
    public static final int MAX_STAGE = 6;

    public GrowthStages {
        if (thresholds == null || thresholds.size() != MAX_STAGE - 1) {
            throw new IllegalArgumentException("exactly five growth thresholds are needed");
        }
        for (int i = 0; i < thresholds.size(); i++) {
            if (thresholds.get(i) <= 0 || (i > 0 && thresholds.get(i) <= thresholds.get(i - 1))) {
                throw new IllegalArgumentException("growth thresholds must be positive and increasing: " + thresholds);
            }
        }
        thresholds = List.copyOf(thresholds);
    }

    public int stageFor(long totalCharacters) {
        int stage = 1;
        for (long threshold : thresholds) {
            if (totalCharacters >= threshold) {
                stage++;
            }
        }
        return stage;
    }

    /** Characters needed to reach the next stage; empty at the last stage. */
    public OptionalLong nextThreshold(long totalCharacters) {
        for (long threshold : thresholds) {
            if (totalCharacters < threshold) {
                return OptionalLong.of(threshold);
            }
        }
        return OptionalLong.empty();
    }

    /** Progress from the current stage's start to the next threshold, 0–100. */
    public int progressPercent(long totalCharacters) {
        OptionalLong next = nextThreshold(totalCharacters);
        if (next.isEmpty()) {
            return 100;
        }
        int stage = stageFor(totalCharacters);
        long from = stage == 1 ? 0 : thresholds.get(stage - 2);
        return (int) ((totalCharacters - from) * 100 / (next.getAsLong() - from));
    }
}
