package jp.homebiyori.tree;

import io.helidon.microprofile.server.ServerCdiExtension;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jp.homebiyori.client.user.ApiException;
import jp.homebiyori.client.user.api.TreeApi;
import jp.homebiyori.client.user.model.AiCharacter;
import jp.homebiyori.client.user.model.Emotion;
import jp.homebiyori.client.user.model.FruitDetail;
import jp.homebiyori.client.user.model.FruitPage;
import jp.homebiyori.client.user.model.FruitSummary;
import jp.homebiyori.common.auth.DeletedAccounts;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.domain.chat.AiDisclaimer;
import jp.homebiyori.domain.tree.Fruit;
import jp.homebiyori.domain.tree.FruitRepository;
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
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Fruit listing and viewing through the generated user-API client, against dynalite. */
@HelidonTest
class FruitsResourceTest {

    private static final jp.homebiyori.domain.character.AiCharacter[] CHARACTERS =
            jp.homebiyori.domain.character.AiCharacter.values();
    private static final jp.homebiyori.domain.character.Emotion[] EMOTIONS =
            jp.homebiyori.domain.character.Emotion.values();

    @AddConfigSource
    static ConfigSource config() {
        return TestStack.configSource();
    }

    @Inject private ServerCdiExtension server;
    @Inject private FruitRepository fruits;
    @Inject private JstClock clock;
    @Inject private DeletedAccounts deletedAccounts;

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
    void listFruits_isNewestFirst_andPagesThroughAll() throws Exception {
        String user = newUser();
        List<Fruit> grown = grow(user, 9);
        List<String> listed = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            FruitPage page = api(user).listFruits(4, token, null, null);
            assertThat(page.getItems()).hasSizeLessThanOrEqualTo(4);
            page.getItems().forEach(f -> listed.add(f.getFruitId()));
            token = page.getNextToken();
        } while (token != null && ++pages < 10);
        assertThat(listed).containsExactlyElementsOf(grown.stream().map(Fruit::fruitId).toList());
        FruitSummary first = api(user).listFruits(null, null, null, null).getItems().get(0);
        assertThat(first.getAiCharacter()).isEqualTo(AiCharacter.TAMA);
        assertThat(first.getDetectedEmotion()).isEqualTo(Emotion.JOY);
        assertThat(first.getFruitColor()).isEqualTo("#FFB6C1");
        assertThat(first.getCreatedAt()).isEqualTo(grown.get(0).createdAt());
    }

    @Test
    void listFruits_filtersByCharacterAndByEmotion() throws Exception {
        String user = newUser();
        grow(user, 15);
        List<FruitSummary> hide = api(user).listFruits(100, null, AiCharacter.HIDE, null).getItems();
        assertThat(hide).hasSize(5).allSatisfy(f -> assertThat(f.getAiCharacter()).isEqualTo(AiCharacter.HIDE));
        List<FruitSummary> worry = api(user).listFruits(100, null, null, Emotion.WORRY).getItems();
        assertThat(worry).hasSize(3).allSatisfy(f -> assertThat(f.getDetectedEmotion()).isEqualTo(Emotion.WORRY));
        List<FruitSummary> both = api(user).listFruits(100, null, AiCharacter.MADOKA, Emotion.SADNESS).getItems();
        assertThat(both).hasSize(1);
        assertThat(both.get(0).getAiCharacter()).isEqualTo(AiCharacter.MADOKA);
        assertThat(both.get(0).getDetectedEmotion()).isEqualTo(Emotion.SADNESS);
    }

    @Test
    void listFruits_refusesBadLimitsEnumsAndTokens_includingAnotherUsersToken() throws Exception {
        String a = newUser();
        String b = newUser();
        grow(a, 3);
        grow(b, 3);
        String tokenOfA = api(a).listFruits(1, null, null, null).getNextToken();
        assertThat(tokenOfA).isNotNull();
        Map<String, String> authB = RawHttp.bearer(TestStack.userToken(b));
        assertError(RawHttp.get(server.port(), "/api/tree/fruits?limit=0", authB), 400, "VALIDATION_ERROR");
        assertError(RawHttp.get(server.port(), "/api/tree/fruits?limit=101", authB), 400, "VALIDATION_ERROR");
        assertError(RawHttp.get(server.port(), "/api/tree/fruits?ai_character=robot", authB), 400, "VALIDATION_ERROR");
        assertError(RawHttp.get(server.port(), "/api/tree/fruits?emotion=anger", authB), 400, "VALIDATION_ERROR");
        assertError(RawHttp.get(server.port(), "/api/tree/fruits?next_token=forged", authB), 400, "INVALID_PAGINATION_TOKEN");
        ApiException foreign = catchThrowableOfType(ApiException.class, () -> api(b).listFruits(1, tokenOfA, null, null));
        assertError(foreign.getCode(), foreign.getResponseBody(), 400, "INVALID_PAGINATION_TOKEN");
    }

    @Test
    void viewFruit_returnsTheWholeFruit_andCountsEachView() throws Exception {
        String user = newUser();
        Fruit fruit = grow(user, 2).get(1);
        FruitDetail first = api(user).viewFruit(fruit.fruitId());
        assertThat(first.getFruitId()).isEqualTo(fruit.fruitId());
        assertThat(first.getUserMessage()).isEqualTo(fruit.userMessage());
        assertThat(first.getAiResponse()).isEqualTo(fruit.aiResponse());
        assertThat(first.getAiCharacter()).isEqualTo(AiCharacter.MADOKA);
        assertThat(first.getCharacterName()).isEqualTo("まどか姉さん");
        assertThat(first.getDetectedEmotion()).isEqualTo(Emotion.SADNESS);
        assertThat(first.getFruitColor()).isEqualTo("#87CEEB");
        assertThat(first.getDisclaimer()).as("the note shown with the fruit's reply").isEqualTo(AiDisclaimer.TEXT)
                .isEqualTo("AIの回答は誤りを含む可能性があります。");
        assertThat(first.getCreatedAt()).isEqualTo(fruit.createdAt());
        assertThat(first.getViewCount()).isEqualTo(1);
        assertThat(first.getFirstViewedAt()).isNotNull();

        FruitDetail second = api(user).viewFruit(fruit.fruitId());
        assertThat(second.getViewCount()).isEqualTo(2);
        assertThat(second.getFirstViewedAt()).isEqualTo(first.getFirstViewedAt());
        List<FruitSummary> listed = api(user).listFruits(10, null, null, null).getItems();
        assertThat(listed).extracting(FruitSummary::getViewed).containsExactly(false, true);
        assertThat(fruits.find(user, fruit.fruitId()).orElseThrow().viewCount()).isEqualTo(2);
    }

    @Test
    void viewFruit_ofAnotherUser_orAnUnknownId_isTheSame404_andCountsNothing() throws Exception {
        String owner = newUser();
        String intruder = newUser();
        Fruit fruit = grow(owner, 1).get(0);
        grow(intruder, 1);

        ApiException foreign = catchThrowableOfType(ApiException.class, () -> api(intruder).viewFruit(fruit.fruitId()));
        ApiException unknown = catchThrowableOfType(ApiException.class,
                () -> api(intruder).viewFruit(UUID.randomUUID().toString()));
        var foreignBody = assertError(foreign.getCode(), foreign.getResponseBody(), 404, "NOT_FOUND");
        var unknownBody = assertError(unknown.getCode(), unknown.getResponseBody(), 404, "NOT_FOUND");
        assertThat(foreignBody.path("message")).isEqualTo(unknownBody.path("message"));
        assertThat(foreignBody.has("details")).isEqualTo(unknownBody.has("details"));
        assertThat(fruits.find(owner, fruit.fruitId()).orElseThrow().viewCount()).isZero();
        assertError(RawHttp.send(server.port(), "POST", "/api/tree/fruits/not-a-uuid/view", null, null,
                RawHttp.bearer(TestStack.userToken(intruder))), 400, "VALIDATION_ERROR");
    }

    @Test
    void aTokenIssuedBeforeTheAccountsDeletion_isRefused_andCountsNoView_butATokenIssuedSinceIsServed() throws Exception {
        String user = newUser();
        Fruit fruit = grow(user, 1).get(0);
        TreeApi voided = new TreeApi(ApiClients.user(server.port(), TestStack.userToken(user, clock.instant().minusSeconds(60))));
        deletedAccounts.mark(user, clock.instant());

        ApiException status = catchThrowableOfType(ApiException.class, voided::getTreeStatus);
        assertError(status.getCode(), status.getResponseBody(), 401, "UNAUTHORIZED");
        ApiException list = catchThrowableOfType(ApiException.class, () -> voided.listFruits(10, null, null, null));
        assertError(list.getCode(), list.getResponseBody(), 401, "UNAUTHORIZED");
        ApiException view = catchThrowableOfType(ApiException.class, () -> voided.viewFruit(fruit.fruitId()));
        assertError(view.getCode(), view.getResponseBody(), 401, "UNAUTHORIZED");
        assertThat(fruits.find(user, fruit.fruitId()).orElseThrow().viewCount()).isZero();

        assertThat(api(user).getTreeStatus().getCurrentStage()).as("a token issued since").isEqualTo(1);
        assertThat(api(user).viewFruit(fruit.fruitId()).getFruitId()).isEqualTo(fruit.fruitId());
    }
}
