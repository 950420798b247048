package jp.homebiyori.domain.tree;

import jp.homebiyori.common.db.Page;
import jp.homebiyori.domain.character.AiCharacter;
import jp.homebiyori.domain.character.Emotion;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Fruits in the fruits table, newest first. */
public interface FruitRepository {

    void save(Fruit fruit);

    /** The user's fruit with this id; empty for an unknown id or another user's fruit. */
    Optional<Fruit> find(String userId, String fruitId);

    /** Newest first, filtered by character and/or emotion (null: any). */
    Page<Fruit> list(String userId, int limit, String nextToken, AiCharacter character, Emotion emotion);

    List<Fruit> newest(String userId, int count);

    /** Counts a view (and stamps the first one); returns the fruit after, or empty if it is gone. */
    Optional<Fruit> recordView(Fruit fruit, OffsetDateTime now);
}
