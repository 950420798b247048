package jp.homebiyori.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.homebiyori.ai.AiResult;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.domain.character.AiCharacter;
import jp.homebiyori.domain.stats.StatsRepository;
import jp.homebiyori.domain.tree.Fruit;
import jp.homebiyori.domain.tree.FruitRepository;
import jp.homebiyori.domain.tree.TreeRepository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The one-fruit-a-day rule without transactions: claim the JST day on the tree with a conditional
 * update (exactly one concurrent message wins), then store the fruit; if storing fails, release the
 * claim so the day stays open.
 */
@ApplicationScoped
public class FruitGrower {

    private static final Logger LOG = Logger.getLogger(FruitGrower.class.getName());

    private final TreeRepository trees;
    private final FruitRepository fruits;
    private final StatsRepository stats;

    @Inject
    public FruitGrower(TreeRepository trees, FruitRepository fruits, StatsRepository stats) {
        this.trees = trees;
        this.fruits = fruits;
        this.stats = stats;
    }

    public Optional<Fruit> tryGrow(String userId, String message, AiResult reply, AiCharacter character,
                                   LocalDate previousFruitDay, OffsetDateTime now) {
        LocalDate day = JstClock.dateOf(now.toInstant());
        if (day.equals(previousFruitDay) || !trees.claimFruitOfDay(userId, day, now)) {
            return Optional.empty();
        }
        Fruit fruit = new Fruit(userId, UUID.randomUUID().toString(), message, reply.text(), character,
                reply.emotion().primary().orElseThrow(), character.color(), now, 0, null);
        try {
            fruits.save(fruit);
        } catch (RuntimeException e) {
            trees.releaseFruitOfDay(userId, day, previousFruitDay);
            LOG.warning("fruit not stored, day released for user " + userId + ": " + e.getClass().getSimpleName());
            throw e;
        }
        stats.fruitGrown(day);
        return Optional.of(fruit);
    }
}
