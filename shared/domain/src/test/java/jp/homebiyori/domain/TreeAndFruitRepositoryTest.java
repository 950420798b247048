package jp.homebiyori.domain;

import jp.homebiyori.common.db.Page;
import jp.homebiyori.common.db.Table;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.domain.character.AiCharacter;
import jp.homebiyori.domain.character.Emotion;
import jp.homebiyori.domain.tree.Fruit;
import jp.homebiyori.domain.tree.Tree;
import jp.homebiyori.domain.tree.dynamo.DynamoFruitRepository;
import jp.homebiyori.domain.tree.dynamo.DynamoTreeRepository;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class TreeAndFruitRepositoryTest {

    private static final DomainTables TABLES = new DomainTables();
    private final DynamoTreeRepository trees = new DynamoTreeRepository(TABLES.dynamo, TABLES.names);
    private final DynamoFruitRepository fruits = new DynamoFruitRepository(TABLES.dynamo, TABLES.names, TABLES.tokens);
    private final OffsetDateTime now = OffsetDateTime.parse("2026-11-26T12:00:00.000+09:00");

    @Test
    void recordMessage_addsCharactersAndMessages_andStoresTheRawShapeOfDomainMd() {
        String user = "tree-" + UUID.randomUUID();
        trees.recordMessage(user, 30, LocalDate.of(2026, 11, 26), now);
        Tree after = trees.recordMessage(user, 12, LocalDate.of(2026, 11, 26), now);
        assertThat(after.totalCharacters()).isEqualTo(42);
        assertThat(after.totalMessages()).isEqualTo(2);
        Map<String, AttributeValue> raw = TABLES.scan(Table.TREES).stream()
                .filter(i -> i.get("PK").s().equals("USER#" + user)).findFirst().orElseThrow();
        assertThat(raw.get("SK").s()).isEqualTo("TREE");
        assertThat(raw.get("total_characters").n()).isEqualTo("42");
        assertThat(raw.get("last_message_date").s()).isEqualTo("2026-11-26");
    }

    @Test
    void parallelMessages_loseNoCharacter() throws Exception {
        String user = "par-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Tree>> calls = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            int chars = i;
            calls.add(() -> trees.recordMessage(user, chars, LocalDate.of(2026, 11, 26), now));
        }
        for (Future<Tree> f : pool.invokeAll(calls)) {
            f.get();
        }
        pool.shutdown();
        assertThat(trees.find(user).orElseThrow().totalCharacters()).isEqualTo(40 * 41 / 2);
    }

    @Test
    void fruitOfTheDay_isClaimedOnce_evenUnderConcurrency_andAgainTheNextDay() throws Exception {
        String user = "fruit-" + UUID.randomUUID();
        LocalDate day = LocalDate.of(2026, 11, 26);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(() -> trees.claimFruitOfDay(user, day, now));
        }
        long wins = 0;
        for (Future<Boolean> f : pool.invokeAll(calls)) {
            wins += f.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(wins).isEqualTo(1);
        assertThat(trees.claimFruitOfDay(user, day.plusDays(1), now.plusDays(1))).isTrue();
        assertThat(trees.find(user).orElseThrow().totalFruits()).isEqualTo(2);
    }

    @Test
    void releasedClaim_opensTheDayAgain() {
        String user = "rel-" + UUID.randomUUID();
        LocalDate day = LocalDate.of(2026, 11, 26);
        assertThat(trees.claimFruitOfDay(user, day, now)).isTrue();
        trees.releaseFruitOfDay(user, day, null);
        assertThat(trees.find(user).orElseThrow().totalFruits()).isZero();
        assertThat(trees.claimFruitOfDay(user, day, now)).isTrue();
    }

    @Test
    void fruits_listNewestFirst_filter_page_andStayPrivate() {
        String user = "list-" + UUID.randomUUID();
        for (int i = 0; i < 7; i++) {
            AiCharacter c = i % 2 == 0 ? AiCharacter.TAMA : AiCharacter.HIDE;
            fruits.save(new Fruit(user, UUID.randomUUID().toString(), "msg" + i, "reply" + i, c, Emotion.JOY, c.color(),
                    now.plusDays(i), 0, null));
        }
        Page<Fruit> first = fruits.list(user, 3, null, null, null);
        assertThat(first.items()).extracting(Fruit::userMessage).containsExactly("msg6", "msg5", "msg4");
        Page<Fruit> second = fruits.list(user, 3, first.nextToken(), null, null);
        assertThat(second.items()).extracting(Fruit::userMessage).containsExactly("msg3", "msg2", "msg1");
        assertThat(fruits.list(user, 10, null, AiCharacter.HIDE, null).items()).extracting(Fruit::userMessage)
                .containsExactly("msg5", "msg3", "msg1");

        Fruit mine = first.items().get(0);
        assertThat(fruits.find(user, mine.fruitId())).isPresent();
        assertThat(fruits.find("someone-else", mine.fruitId())).isEmpty();
        Fruit viewed = fruits.recordView(mine, now).orElseThrow();
        assertThat(viewed.viewCount()).isEqualTo(1);
        assertThat(viewed.firstViewedAt()).isEqualTo(JstClock.toJst(now.toInstant()));
        assertThat(fruits.recordView(viewed, now.plusHours(1)).orElseThrow().firstViewedAt()).isEqualTo(viewed.firstViewedAt());
    }
}
