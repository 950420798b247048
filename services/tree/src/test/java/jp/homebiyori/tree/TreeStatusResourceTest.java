package jp.homebiyori.tree;

import io.helidon.microprofile.server.ServerCdiExtension;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jp.homebiyori.client.user.api.TreeApi;
import jp.homebiyori.client.user.model.AiCharacter;
import jp.homebiyori.client.user.model.Emotion;
import jp.homebiyori.client.user.model.FruitSummary;
import jp.homebiyori.client.user.model.Theme;
import jp.homebiyori.client.user.model.TreeStatus;
import jp.homebiyori.common.config.ParameterStore;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.domain.tree.Fruit;
import jp.homebiyori.domain.tree.FruitRepository;
import jp.homebiyori.domain.tree.TreeRepository;
import jp.homebiyori.domain.user.UserProfile;
import jp.homebiyori.domain.user.UserRepository;
import jp.homebiyori.testkit.ApiClients;
import jp.homebiyori.testkit.RawHttp;
import jp.homebiyori.testkit.TestStack;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static jp.homebiyori.testkit.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/tree/status and access control of the tree operations, through the generated user-API client. */
@HelidonTest
class TreeStatusResourceTest {

    private static final jp.homebiyori.domain.character.AiCharacter[] CHARACTERS =
            jp.homebiyori.domain.character.AiCharacter.values();
    private static final jp.homebiyori.domain.character.Emotion[] EMOTIONS =
            jp.homebiyori.domain.character.Emotion.values();

    @AddConfigSource
    static ConfigSource config() {
        return TestStack.configSource();
    }

    @Inject private ServerCdiExtension server;
    @Inject private TreeRepository trees;
    @Inject private FruitRepository fruits;
    @Inject private UserRepository users;
    @Inject private ParameterStore parameters;
    @Inject private JstClock clock;

    private TreeApi api(String sub) {
        return new TreeApi(ApiClients.user(server.port(), TestStack.userToken(sub)));
    }

    private static String newUser() {
        return "t-" + UUID.randomUUID();
    }

    /** {@code count} fruits, the i-th i days old, characters and emotions in turn; returned newest first. */
    private List<Fruit> grow(String user, int count) {
        List<Fruit> grown = new ArrayList<>();
        OffsetDateTime now = clock.now();
        for (int i = 0; i < count; i++) {
            var character = CHARACTERS[i % CHARACTERS.length];
            Fruit fruit = new Fruit(user, UUID.randomUUID().toString(), "寝かしつけに2時間かかったけど頑張った " + i,
                    "本当によく頑張ったねえ " + i, character, EMOTIONS[i % EMOTIONS.length], character.color(),
                    now.minusDays(i), 0, null);
            fruits.save(fruit);
            grown.add(fruit);
        }
        return grown;
    }

    @Test
    void status_ofAUserWithoutTree_isStageOneAndZeros_inTheDefaultTheme() throws Exception {
        TreeStatus status = api(newUser()).getTreeStatus();
        assertThat(status.getCurrentStage()).isEqualTo(1);
        assertThat(status.getTotalCharacters()).isZero();
        assertThat(status.getTotalMessages()).isZero();
        assertThat(status.getTotalFruits()).isZero();
        assertThat(status.getNextStageThreshold()).isEqualTo(100);
        assertThat(status.getCharactersToNextStage()).isEqualTo(100);
        assertThat(status.getProgressPercent()).isZero();
        assertThat(status.getThemeColor()).isEqualTo("#FFB6C1");
        assertThat(status.getTheme()).isEqualTo(Theme.WARM_PINK);
        assertThat(status.getRecentFruits()).isEmpty();
        assertThat(status.getLastMessageDate()).isNull();
        assertThat(status.getUpdatedAt()).isNull();
    }

    @Test
    void status_showsStageProgressTotals_theCharactersTheme_andTheFiveNewestFruits() throws Exception {
        String user = newUser();
        users.createIfAbsent(UserProfile.initial(user, clock.now()));
        users.update(user, new UserRepository.ProfileChange(null, jp.homebiyori.domain.character.AiCharacter.MADOKA,
                null, null, null), clock.now());
        trees.recordMessage(user, 250, clock.today(), clock.now());
        trees.recordMessage(user, 350, clock.today(), clock.now());
        trees.claimFruitOfDay(user, clock.today(), clock.now());
        List<Fruit> grown = grow(user, 7);

        TreeStatus status = api(user).getTreeStatus();
        assertThat(status.getCurrentStage()).isEqualTo(3);
        assertThat(status.getTotalCharacters()).isEqualTo(600);
        assertThat(status.getTotalMessages()).isEqualTo(2);
        assertThat(status.getTotalFruits()).isEqualTo(1);
        assertThat(status.getNextStageThreshold()).isEqualTo(1500);
        assertThat(status.getCharactersToNextStage()).isEqualTo(900);
        assertThat(status.getProgressPercent()).isEqualTo(10);
        assertThat(status.getThemeColor()).isEqualTo("#87CEEB");
        assertThat(status.getTheme()).isEqualTo(Theme.COOL_BLUE);
        assertThat(status.getLastMessageDate()).isEqualTo(clock.today());
        assertThat(status.getUpdatedAt()).isNotNull();
        assertThat(status.getRecentFruits()).extracting(FruitSummary::getFruitId)
                .containsExactlyElementsOf(grown.subList(0, 5).stream().map(Fruit::fruitId).toList());
        assertThat(status.getRecentFruits()).allSatisfy(f -> assertThat(f.getViewed()).isFalse());
    }

    @Test
    void status_followsTheGrowthThresholdsParameter_upToTheLastStage() throws Exception {
        String user = newUser();
        trees.recordMessage(user, 35, clock.today(), clock.now());
        parameters.put("tree/growth_thresholds", "[10, 20, 30, 40, 50]", false);
        try {
            TreeStatus status = api(user).getTreeStatus();
            assertThat(status.getCurrentStage()).isEqualTo(4);
            assertThat(status.getNextStageThreshold()).isEqualTo(40);
            assertThat(status.getCharactersToNextStage()).isEqualTo(5);
            assertThat(status.getProgressPercent()).isEqualTo(50);

            trees.recordMessage(user, 20, clock.today(), clock.now());
            TreeStatus top = api(user).getTreeStatus();
            assertThat(top.getCurrentStage()).isEqualTo(6);
            assertThat(top.getNextStageThreshold()).isNull();
            assertThat(top.getCharactersToNextStage()).isNull();
            assertThat(top.getProgressPercent()).isEqualTo(100);
        } finally {
            parameters.put("tree/growth_thresholds", "[100, 500, 1500, 3000, 5000]", false);
        }
    }

    @Test
    void userB_neverSeesUserAsTreeOrFruits() throws Exception {
        String a = newUser();
        String b = newUser();
        trees.recordMessage(a, 700, clock.today(), clock.now());
        grow(a, 4);
        TreeStatus ofB = api(b).getTreeStatus();
        assertThat(ofB.getTotalCharacters()).isZero();
        assertThat(ofB.getRecentFruits()).isEmpty();
        assertThat(api(b).listFruits(100, null, null, null).getItems()).isEmpty();
        assertThat(api(a).listFruits(100, null, null, null).getItems()).hasSize(4);
    }

    @Test
    void everyTreeOperation_withoutAUserToken_returns401() {
        Map<String, String> admin = RawHttp.bearer(TestStack.adminToken("ops-1"));
        for (Map<String, String> auth : List.of(Map.<String, String>of(), admin, RawHttp.bearer("garbage"))) {
            assertError(RawHttp.get(server.port(), "/api/tree/status", auth), 401, "UNAUTHORIZED");
            assertError(RawHttp.get(server.port(), "/api/tree/fruits", auth), 401, "UNAUTHORIZED");
            assertError(RawHttp.send(server.port(), "POST", "/api/tree/fruits/" + UUID.randomUUID() + "/view", null, null, auth),
                    401, "UNAUTHORIZED");
        }
    }
}
