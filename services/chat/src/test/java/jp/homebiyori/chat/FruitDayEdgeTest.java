package jp.homebiyori.chat;

import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jp.homebiyori.ai.AiReplies;
import jp.homebiyori.ai.AiResult;
import jp.homebiyori.domain.character.AiCharacter;
import jp.homebiyori.domain.character.Mood;
import jp.homebiyori.domain.character.PraiseLevel;
import jp.homebiyori.domain.tree.FruitRepository;
import jp.homebiyori.domain.tree.TreeRepository;
import jp.homebiyori.testkit.TestStack;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The one-fruit-a-day rule at the edges of the JST day (the instants are UTC-offset on purpose). */
@HelidonTest
class FruitDayEdgeTest {

    @AddConfigSource
    static ConfigSource config() {
        return TestStack.configSource();
    }

    @Inject
    private FruitGrower grower;
    @Inject
    private TreeRepository trees;
    @Inject
    private FruitRepository fruits;
    @Inject
    private AiReplies ai;

    private AiResult moving() {
        AiResult result = ai.reply(AiCharacter.TAMA, Mood.PRAISE, PraiseLevel.NORMAL, ChatResourceTest.MOVING, List.of());
        assertThat(result.fruitAllowed()).isTrue();
        return result;
    }

    private boolean grow(String user, OffsetDateTime at) {
        LocalDate last = trees.findOrEmpty(user).lastFruitDate();
        return grower.tryGrow(user, ChatResourceTest.MOVING, moving(), AiCharacter.TAMA, last, at).isPresent();
    }

    @Test
    void at2359Jst_andAgainAt0000Jst_twoFruitsOnTwoDays() {
        String user = "edge-" + UUID.randomUUID();
        // 23:59:59 JST on 26 Nov is 14:59:59 UTC; 00:00:00 JST on 27 Nov is 15:00:00 UTC
        assertThat(grow(user, OffsetDateTime.parse("2026-11-26T14:59:59Z"))).isTrue();
        assertThat(grow(user, OffsetDateTime.parse("2026-11-26T14:59:59.500Z"))).isFalse();
        assertThat(grow(user, OffsetDateTime.parse("2026-11-26T15:00:00Z"))).isTrue();
        assertThat(trees.find(user).orElseThrow().lastFruitDate()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(fruits.list(user, 10, null, null, null).items()).hasSize(2);
    }

    @Test
    void theUtcDayDoesNotCount_twoMessagesOnOneJstDayAcrossUtcMidnight_growOneFruit() {
        String user = "utc-" + UUID.randomUUID();
        // 08:59 JST and 09:01 JST on 27 Nov straddle UTC midnight but are one JST day
        assertThat(grow(user, OffsetDateTime.parse("2026-11-26T23:59:00Z"))).isTrue();
        assertThat(grow(user, OffsetDateTime.parse("2026-11-27T00:01:00Z"))).isFalse();
    }
}
