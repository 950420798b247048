package jp.homebiyori.tree.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.homebiyori.common.db.Page;
import jp.homebiyori.common.error.ApiException;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.domain.character.AiCharacter;
import jp.homebiyori.domain.character.Emotion;
import jp.homebiyori.domain.tree.Fruit;
import jp.homebiyori.domain.tree.FruitRepository;

/**
 * The user's fruits: listed newest first (filtered by character and emotion, cursor-paginated), and
 * viewed one at a time, which counts the view. Only the owner's fruits exist for a user: another
 * user's id and an unknown id give the same 404.
 */
@ApplicationScoped
public class FruitService {

    private final FruitRepository fruits;
    private final JstClock clock;

    @Inject
    public FruitService(FruitRepository fruits, JstClock clock) {
        this.fruits = fruits;
        this.clock = clock;
    }

    public Page<Fruit> list(String userId, int limit, String nextToken, AiCharacter character, Emotion emotion) {
        return fruits.list(userId, limit, nextToken, character, emotion);
    }

    public Fruit view(String userId, String fruitId) {
        return fruits.find(userId, fruitId)
                .flatMap(fruit -> fruits.recordView(fruit, clock.now()))
                .orElseThrow(() -> ApiException.notFound("no such fruit"));
    }
}
