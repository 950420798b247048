package jp.homebiyori.chat;

import io.helidon.microprofile.server.ServerCdiExtension;
import io.helidon.microprofile.testing.AddBean;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jp.homebiyori.ai.AiReplies;
import jp.homebiyori.ai.Disclaimer;
import jp.homebiyori.client.user.ApiException;
import jp.homebiyori.client.user.api.ChatApi;
import jp.homebiyori.client.user.model.AiCharacter;
import jp.homebiyori.client.user.model.ChatHistoryItem;
import jp.homebiyori.client.user.model.ChatHistoryPage;
import jp.homebiyori.client.user.model.ChatType;
import jp.homebiyori.client.user.model.SendChatType;
import jp.homebiyori.client.user.model.EmotionStamp;
import jp.homebiyori.client.user.model.EmotionStampRequest;
import jp.homebiyori.client.user.model.PraiseLevel;
import jp.homebiyori.client.user.model.SendMessageRequest;
import jp.homebiyori.client.user.model.SendMessageResponse;
import jp.homebiyori.client.user.model.Mood;
import jp.homebiyori.client.user.model.UpdateMoodRequest;
import jp.homebiyori.common.auth.DeletedAccounts;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.domain.user.UserRepository;
import jp.homebiyori.domain.subscription.Plan;
import jp.homebiyori.domain.subscription.Subscription;
import jp.homebiyori.domain.subscription.SubscriptionRepository;
import jp.homebiyori.domain.tree.FruitRepository;
import jp.homebiyori.domain.tree.TreeRepository;
import jp.homebiyori.testkit.ApiClients;
import jp.homebiyori.testkit.DynamoCallCounter;
import jp.homebiyori.testkit.RawHttp;
import jp.homebiyori.testkit.TestStack;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static jp.homebiyori.testkit.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** chat-service over HTTP through the generated client, with the offline generator, on dynalite. */
@HelidonTest
@AddBean(DynamoCallCounter.class)
class ChatResourceTest {

    static final String MOVING = "今日は子どもと公園に行けて本当に嬉しかった！ずっと疲れていたけど、自分もちゃんと頑張ったなと思えて、すごく幸せな気持ちになりました。";
    static final String PLAIN = "ごはん作った";

    @AddConfigSource
    static ConfigSource config() {
        return TestStack.configSource();
    }

    @Inject
    private ServerCdiExtension server;
    @Inject
    private SubscriptionRepository subscriptions;
    @Inject
    private TreeRepository trees;
    @Inject
    private FruitRepository fruits;
    @Inject
    private AiReplies ai;
    @Inject
    private DynamoCallCounter calls;
    @Inject
    private JstClock clock;
    @Inject
    private DeletedAccounts deletedAccounts;
    @Inject
    private UserRepository users;

    private ChatApi chat(String user) {
        return new ChatApi(ApiClients.user(server.port(), TestStack.userToken(user)));
    }

    private void premium(String user) {
        OffsetDateTime now = clock.now();
        subscriptions.saveIfNotOlder(new Subscription(user, "cus_x", "sub_x", Plan.YEARLY, "active", now, now.plusYears(1), false, 1, now));
    }

    @Test
    void message_getsAReply_growsTheTree_andIsKept30DaysOnTheFreePlan() throws Exception {
        String user = "c-" + UUID.randomUUID();
        SendMessageResponse r = chat(user).sendMessage(new SendMessageRequest().message(PLAIN).aiCharacter(AiCharacter.MADOKA));
        assertThat(r.getAiResponse()).isNotBlank();
        assertThat(r.getAiResponses()).singleElement().satisfies(reply -> {
            assertThat(reply.getAiCharacter()).isEqualTo(AiCharacter.MADOKA);
            assertThat(reply.getColor()).isEqualTo("#87CEEB");
        });
        assertThat(r.getDisclaimer()).isNotBlank();
        assertThat(r.getTreeGrowth().getTotalCharacters()).isEqualTo(PLAIN.length());
        assertThat(r.getFruitGenerated()).isFalse();
        ChatHistoryItem stored = chat(user).getChatHistory(20, null, null, null, null).getItems().get(0);
        assertThat(stored.getUserMessage()).isEqualTo(PLAIN);
        assertThat(stored.getDisclaimer()).as("the history shows the note with the reply, as the send did")
                .isEqualTo(r.getDisclaimer()).isEqualTo(Disclaimer.TEXT);
        assertThat(Duration.between(stored.getCreatedAt(), stored.getExpiresAt())).isBetween(Duration.ofDays(30).minusSeconds(1), Duration.ofDays(30));
    }

    @Test
    void individualMessageWithoutFruit_costsAtMostFourDynamoCalls() throws Exception {
        String user = "calls-" + UUID.randomUUID();
        chat(user).sendMessage(new SendMessageRequest().message(PLAIN));
        calls.reset();
        chat(user).sendMessage(new SendMessageRequest().message(PLAIN));
        List<String> made = calls.calls();
        System.out.println("DynamoDB calls per individual message without fruit: " + made.size() + " " + made);
        assertThat(made).hasSizeLessThanOrEqualTo(4);
        assertThat(made).as("the deleted-account marker rides in the context's BatchGetItem, no read of its own")
                .doesNotContain("GetItem").containsOnlyOnce("BatchGetItem");
    }

    @Test
    void aTokenIssuedBeforeTheAccountsDeletion_isRefused_andStoresNothing_butATokenIssuedSinceChats() throws Exception {
        String user = "gone-" + UUID.randomUUID();
        ChatApi voided = new ChatApi(ApiClients.user(server.port(), TestStack.userToken(user, clock.instant().minusSeconds(60))));
        voided.sendMessage(new SendMessageRequest().message(PLAIN));
        deletedAccounts.mark(user, clock.instant());

        calls.reset();
        ApiException send = catchThrowableOfType(ApiException.class, () -> voided.sendMessage(new SendMessageRequest().message(MOVING)));
        assertError(send.getCode(), send.getResponseBody(), 401, "UNAUTHORIZED");
        assertThat(calls.calls()).as("refused by the context's read, before any write").containsExactly("BatchGetItem");
        ApiException stamp = catchThrowableOfType(ApiException.class,
                () -> voided.sendEmotionStamp(new EmotionStampRequest().emotion(EmotionStamp.TIRED)));
        assertError(stamp.getCode(), stamp.getResponseBody(), 401, "UNAUTHORIZED");
        ApiException mood = catchThrowableOfType(ApiException.class, () -> voided.updateMood(new UpdateMoodRequest().mood(Mood.LISTEN)));
        assertError(mood.getCode(), mood.getResponseBody(), 401, "UNAUTHORIZED");
        ApiException history = catchThrowableOfType(ApiException.class, () -> voided.getChatHistory(20, null, null, null, null));
        assertError(history.getCode(), history.getResponseBody(), 401, "UNAUTHORIZED");
        assertThat(trees.find(user).orElseThrow().totalMessages()).as("the tree did not grow").isEqualTo(1);
        assertThat(users.find(user)).as("the mood created no profile").isEmpty();
        assertThat(fruits.newest(user, 10)).isEmpty();

        ChatApi since = chat(user);
        assertThat(since.getChatHistory(20, null, null, null, null).getItems()).as("only the chat from before the deletion")
                .singleElement().satisfies(item -> assertThat(item.getUserMessage()).isEqualTo(PLAIN));
        since.sendMessage(new SendMessageRequest().message(PLAIN));
        assertThat(since.getChatHistory(20, null, null, null, null).getItems()).hasSize(2);
    }

    @Test
    void groupAndDeep_needPremium_andPremiumGetsEveryCharacterAnd180Days() throws Exception {
        String user = "g-" + UUID.randomUUID();
        ApiException group = catchThrowableOfType(ApiException.class,
                () -> chat(user).sendMessage(new SendMessageRequest().message(PLAIN).chatType(SendChatType.GROUP)));
        assertError(group.getCode(), group.getResponseBody(), 403, "PREMIUM_REQUIRED");
        ApiException deep = catchThrowableOfType(ApiException.class,
                () -> chat(user).sendMessage(new SendMessageRequest().message(PLAIN).praiseLevel(PraiseLevel.DEEP)));
        assertError(deep.getCode(), deep.getResponseBody(), 403, "PREMIUM_REQUIRED");
        assertThat(trees.find(user)).isEmpty();

        premium(user);
        SendMessageResponse r = chat(user).sendMessage(new SendMessageRequest().message(PLAIN).chatType(SendChatType.GROUP)
                .aiCharacter(AiCharacter.HIDE).praiseLevel(PraiseLevel.DEEP));
        assertThat(r.getAiResponses()).extracting(reply -> reply.getAiCharacter())
                .containsExactly(AiCharacter.HIDE, AiCharacter.TAMA, AiCharacter.MADOKA);
        ChatHistoryItem stored = chat(user).getChatHistory(20, null, null, null, null).getItems().get(0);
        assertThat(Duration.between(stored.getCreatedAt(), stored.getExpiresAt())).isBetween(Duration.ofDays(180).minusSeconds(1), Duration.ofDays(180));
    }

    @Test
    void aMovingMessage_growsOneFruitADay() throws Exception {
        assertThat(ai.analyze(MOVING).fruitWorthy()).as("precondition: the analyzer finds this message moving").isTrue();
        assertThat(ai.analyze(PLAIN).fruitWorthy()).isFalse();
        String user = "f-" + UUID.randomUUID();
        SendMessageResponse first = chat(user).sendMessage(new SendMessageRequest().message(MOVING));
        SendMessageResponse second = chat(user).sendMessage(new SendMessageRequest().message(MOVING));
        assertThat(first.getFruitGenerated()).isTrue();
        assertThat(first.getFruit().getFruitColor()).isEqualTo("#FFB6C1");
        assertThat(second.getFruitGenerated()).isFalse();
        assertThat(fruits.list(user, 10, null, null, null).items()).hasSize(1);
    }

    @Test
    void fiftyParallelSends_loseNoCharacter_andGrowAtMostOneFruit() throws Exception {
        String user = "p-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Callable<SendMessageResponse>> sends = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            sends.add(() -> chat(user).sendMessage(new SendMessageRequest().message(MOVING)));
        }
        for (Future<SendMessageResponse> f : pool.invokeAll(sends)) {
            f.get();
        }
        pool.shutdown();
        assertThat(trees.find(user).orElseThrow().totalCharacters()).isEqualTo(50L * MOVING.codePointCount(0, MOVING.length()));
        assertThat(trees.find(user).orElseThrow().totalMessages()).isEqualTo(50);
        assertThat(fruits.list(user, 10, null, null, null).items()).hasSize(1);
    }

    @Test
    void safetyMessage_getsTheSafeReply_andNeverAFruit() throws Exception {
        String user = "s-" + UUID.randomUUID();
        SendMessageResponse r = chat(user).sendMessage(new SendMessageRequest()
                .message("子どもが熱を出して、薬を飲ませても大丈夫か本当に心配で不安でたまらないです。どうしたらいいのでしょうか。"));
        assertThat(r.getSafetyNotice()).isNotNull();
        assertThat(r.getFruitGenerated()).isFalse();
    }

    @Test
    void history_pagesNewestFirst_filtersByCharacterAndDay_andRefusesForeignTokens() throws Exception {
        String user = "h-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            chat(user).sendMessage(new SendMessageRequest().message(PLAIN + i).aiCharacter(i % 2 == 0 ? AiCharacter.TAMA : AiCharacter.HIDE));
        }
        Set<String> seen = new HashSet<>();
        ChatHistoryPage page = chat(user).getChatHistory(2, null, null, null, null);
        assertThat(page.getItems().get(0).getUserMessage()).isEqualTo(PLAIN + 4);
        while (true) {
            page.getItems().forEach(item -> seen.add(item.getChatId()));
            if (page.getNextToken() == null) {
                break;
            }
            page = chat(user).getChatHistory(2, page.getNextToken(), null, null, null);
        }
        assertThat(seen).hasSize(5);
        assertThat(chat(user).getChatHistory(20, null, AiCharacter.HIDE, null, null).getItems()).hasSize(2);
        LocalDate today = clock.today();
        assertThat(chat(user).getChatHistory(20, null, null, today, today).getItems()).hasSize(5);
        assertThat(chat(user).getChatHistory(20, null, null, today.minusDays(3), today.minusDays(1)).getItems()).isEmpty();

        String token = chat(user).getChatHistory(1, null, null, null, null).getNextToken();
        ApiException foreign = catchThrowableOfType(ApiException.class, () -> chat("other-" + UUID.randomUUID()).getChatHistory(1, token, null, null, null));
        assertError(foreign.getCode(), foreign.getResponseBody(), 400, "INVALID_PAGINATION_TOKEN");
        assertError(RawHttp.get(server.port(), "/api/chat/history?start_date=yesterday", RawHttp.bearer(TestStack.userToken(user))), 400, "VALIDATION_ERROR");
    }

    @Test
    void messageLength_andBlankMessages_areValidated() {
        var auth = RawHttp.bearer(TestStack.userToken("len-" + UUID.randomUUID()));
        assertError(RawHttp.send(server.port(), "POST", "/api/chat/messages", "application/json", "{\"message\":\"\"}", auth), 400, "VALIDATION_ERROR");
        assertError(RawHttp.send(server.port(), "POST", "/api/chat/messages", "application/json", "{\"message\":\"   \"}", auth), 400, "VALIDATION_ERROR");
        assertError(RawHttp.send(server.port(), "POST", "/api/chat/messages", "application/json",
                "{\"message\":\"" + "あ".repeat(2001) + "\"}", auth), 400, "VALIDATION_ERROR");
        assertError(RawHttp.send(server.port(), "POST", "/api/chat/messages", "application/json",
                "{\"message\":\"hi\",\"ai_character\":\"robot\"}", auth), 400, "VALIDATION_ERROR");
        assertError(RawHttp.send(server.port(), "POST", "/api/chat/messages", "application/json", "{\"message\":12}", auth), 400, "VALIDATION_ERROR");
    }

    @Test
    void emotionStamp_getsAnEmpatheticReply_andIsStored() throws Exception {
        String user = "st-" + UUID.randomUUID();
        var r = chat(user).sendEmotionStamp(new EmotionStampRequest().emotion(EmotionStamp.TIRED).aiCharacter(AiCharacter.TAMA));
        assertThat(r.getAiResponse()).isNotBlank();
        assertThat(r.getColor()).isEqualTo("#FFB6C1");
        assertThat(r.getDisclaimer()).isEqualTo(Disclaimer.TEXT);
        assertThat(chat(user).getChatHistory(20, null, null, null, null).getItems()).singleElement()
                .satisfies(item -> {
                    assertThat(item.getChatType()).isEqualTo(ChatType.EMOTION_STAMP);
                    assertThat(item.getDisclaimer()).isEqualTo(Disclaimer.TEXT);
                });
        assertThat(trees.find(user).orElseThrow().totalMessages()).isEqualTo(1);
    }
}
