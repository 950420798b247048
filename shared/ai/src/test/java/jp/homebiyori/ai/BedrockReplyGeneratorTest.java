package jp.homebiyori.ai;

import jp.homebiyori.common.config.AwsClients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jp.homebiyori.common.metrics.ProcessCounters;
import jp.homebiyori.domain.character.AiCharacter;
import jp.homebiyori.domain.character.Mood;
import jp.homebiyori.domain.character.PraiseLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * The Bedrock adapter against a stand-in speaking Bedrock Runtime's Converse wire format: what is sent
 * (system prompt, last five turns, inference settings, the guardrail), the fallback on errors and timeouts,
 * and a guardrail's intervention as Bedrock reports it.
 */
class BedrockReplyGeneratorTest {

    private static final String MODEL = BedrockSettings.DEFAULT_MODEL_ID;
    private static final String CONVERSE_PATH = "/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PromptLibrary PROMPTS = PromptLibrary.load();
    private static final String MESSAGE = "今日は子どもと公園で遊んで、本当に楽しかった！";

    private static WireMockServer server;

    @BeforeAll
    static void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
    }

    private static BedrockSettings settings(Duration timeout) {
        return new BedrockSettings(MODEL, 200, 0.7f, timeout, "ap-northeast-1", Optional.of(server.baseUrl()));
    }

    private static ResponseDefinitionBuilder converseAnswer(String text, String stopReason) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                {"output":{"message":{"role":"assistant","content":[{"text":"%s"}]}},"stopReason":"%s",\
                "usage":{"inputTokens":1,"outputTokens":2,"totalTokens":3},"metrics":{"latencyMs":10}}"""
                .formatted(text, stopReason));
    }

    private static List<Turn> turns(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> new Turn("ユーザー" + i, "返事" + i)).toList();
    }

    @Test
    void create_buildsNoSdkClient_untilTheFirstReply() throws Exception {
        BedrockReplyGenerator generator = BedrockReplyGenerator.create(settings(Duration.ofSeconds(5)), PROMPTS);
        java.lang.reflect.Field field = BedrockReplyGenerator.class.getDeclaredField("client");
        field.setAccessible(true);
        Object client = field.get(generator);

        // a start-up (chat's AiReplies observer) pays for no SDK client, nor for a proxy of its interface: a cold
        // start's request may never reach Bedrock
        assertThat(client).isInstanceOf(AwsClients.Lazy.class);
        AwsClients.Lazy<?> lazy = (AwsClients.Lazy<?>) client;
        assertThat(lazy.isBuilt()).isFalse();
        assertThat(lazy.get()).isInstanceOf(software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient.class);
        assertThat(lazy.isBuilt()).isTrue();
    }

    @Test
    void converse_sendsTheTemplateTheLastFiveTurnsAndTheInferenceSettings() throws Exception {
        server.stubFor(post(urlEqualTo(CONVERSE_PATH)).willReturn(converseAnswer("よく頑張ったわね。あなたは素敵よ。", "end_turn")));
        BedrockReplyGenerator bedrock = BedrockReplyGenerator.create(settings(Duration.ofSeconds(5)), PROMPTS);

        GeneratedReply reply = bedrock.generate(new ReplyRequest(AiCharacter.MADOKA, Mood.LISTEN, PraiseLevel.DEEP,
                MESSAGE, turns(7), Optional.empty()));

        assertThat(reply.text()).isEqualTo("よく頑張ったわね。あなたは素敵よ。");
        assertThat(reply.source()).isEqualTo(ReplySource.BEDROCK);
        List<LoggedRequest> requests = server.findAll(postRequestedFor(urlEqualTo(CONVERSE_PATH)));
        assertThat(requests).hasSize(1);
        JsonNode body = JSON.readTree(requests.getFirst().getBodyAsString());
        assertThat(body.at("/system/0/text").asText())
                .isEqualTo(PROMPTS.systemPrompt(AiCharacter.MADOKA, Mood.LISTEN, PraiseLevel.DEEP))
                .contains("まどか姉さん", "4〜5文", "聴く（listen）");
        assertThat(body.at("/inferenceConfig/maxTokens").asInt()).isEqualTo(200);
        assertThat(body.has("guardrailConfig")).as("no guardrail configured, none named").isFalse();
        assertThat(body.at("/inferenceConfig/temperature").asDouble()).isCloseTo(0.7, within(1e-6));

        JsonNode messages = body.get("messages");
        assertThat(messages).hasSize(11);
        for (int i = 0; i < 5; i++) {
            assertThat(messages.get(2 * i).get("role").asText()).isEqualTo("user");
            assertThat(messages.get(2 * i).at("/content/0/text").asText()).isEqualTo("ユーザー" + (i + 3));
            assertThat(messages.get(2 * i + 1).get("role").asText()).isEqualTo("assistant");
            assertThat(messages.get(2 * i + 1).at("/content/0/text").asText()).isEqualTo("返事" + (i + 3));
        }
        assertThat(messages.get(10).get("role").asText()).isEqualTo("user");
        assertThat(messages.get(10).at("/content/0/text").asText()).isEqualTo(MESSAGE);
    }

    @Test
    void converse_withoutHistory_sendsOnlyTheMessage() throws Exception {
        server.stubFor(post(urlEqualTo(CONVERSE_PATH)).willReturn(converseAnswer("えらいよ。大丈夫だよ。", "end_turn")));
        BedrockReplyGenerator.create(settings(Duration.ofSeconds(5)), PROMPTS).generate(new ReplyRequest(
                AiCharacter.TAMA, Mood.PRAISE, PraiseLevel.NORMAL, MESSAGE, List.of(new Turn("", "")), Optional.empty()));
        JsonNode body = JSON.readTree(server.findAll(postRequestedFor(urlEqualTo(CONVERSE_PATH))).getFirst().getBodyAsString());
        assertThat(body.get("messages")).hasSize(1);
        assertThat(body.at("/system/0/text").asText()).contains("たまさん", "2〜3文", "ほめる（praise）");
    }

    @Test
    void aReplyCutByTheTokenLimit_endsAtItsLastFullSentence() {
        server.stubFor(post(urlEqualTo(CONVERSE_PATH)).willReturn(converseAnswer("よく頑張ったのう。その姿勢が尊", "max_tokens")));
        GeneratedReply reply = BedrockReplyGenerator.create(settings(Duration.ofSeconds(5)), PROMPTS).generate(
                new ReplyRequest(AiCharacter.HIDE, Mood.PRAISE, PraiseLevel.NORMAL, MESSAGE, List.of(), Optional.empty()));
        assertThat(reply.text()).isEqualTo("よく頑張ったのう。");
    }

    @Test
    void aServerError_fallsBackToTheOfflineReply_andIsCounted() {
        server.stubFor(post(urlEqualTo(CONVERSE_PATH)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"internal\"}")));
        assertFallback(Duration.ofSeconds(2));
    }

    @Test
    void aSlowAnswer_beyondTheTimeout_fallsBackToTheOfflineReply_andIsCounted() {
        server.stubFor(post(urlEqualTo(CONVERSE_PATH)).willReturn(converseAnswer("遅すぎる返事。", "end_turn")
                .withFixedDelay(3000)));
        long started = System.nanoTime();
        assertFallback(Duration.ofMillis(300));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void anEmptyAnswer_fallsBack() {
        server.stubFor(post(urlEqualTo(CONVERSE_PATH)).willReturn(converseAnswer(" ", "end_turn")));
        assertFallback(Duration.ofSeconds(2));
    }

    // ---------------------------------------------------------------- the guardrail

    private static final String GUARDRAIL_ID = "gr7x2kq9abcd";
    private static final String BLOCKED_OUTPUT = "ごめんね、そのお話にはここでお答えできないの。あなたの気持ちは、ちゃんと受け止めているよ。";
    private static final String BLOCKED_INPUT = "ごめんね、そのメッセージにはお返事できないの。よかったら、別の言葉で話してみてね。";

    /**
     * Bedrock's answer when the guardrail blocked the model's output: the blocked message as the text, the
     * model's own words only in the trace, the denied topic in the output assessment (shapes of the SDK's
     * ConverseTrace → GuardrailTraceAssessment → GuardrailAssessment → GuardrailTopicPolicyAssessment).
     */
    private static ResponseDefinitionBuilder outputBlocked() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                {"output":{"message":{"role":"assistant","content":[{"text":"%s"}]}},
                 "stopReason":"guardrail_intervened",
                 "usage":{"inputTokens":412,"outputTokens":61,"totalTokens":473},
                 "metrics":{"latencyMs":1804},
                 "trace":{"guardrail":{
                   "modelOutput":["その発疹は心配いりません、様子を見てくださいね。"],
                   "inputAssessment":{"%s":{"invocationMetrics":{"guardrailProcessingLatency":211,
                     "usage":{"topicPolicyUnits":1,"contentPolicyUnits":1,"wordPolicyUnits":0,"sensitiveInformationPolicyUnits":0,
                              "sensitiveInformationPolicyFreeUnits":0,"contextualGroundingPolicyUnits":0},
                     "guardrailCoverage":{"textCharacters":{"guarded":28,"total":28}}}}},
                   "outputAssessments":{"%s":[{
                     "topicPolicy":{"topics":[{"name":"MedicalAdvice","type":"DENY","action":"BLOCKED","detected":true}]},
                     "invocationMetrics":{"guardrailProcessingLatency":187,
                       "usage":{"topicPolicyUnits":1,"contentPolicyUnits":1,"wordPolicyUnits":0,"sensitiveInformationPolicyUnits":0,
                                "sensitiveInformationPolicyFreeUnits":0,"contextualGroundingPolicyUnits":0},
                       "guardrailCoverage":{"textCharacters":{"guarded":27,"total":27}}}}]}}}}
                """.formatted(BLOCKED_OUTPUT, GUARDRAIL_ID, GUARDRAIL_ID));
    }

    /** Bedrock's answer when the guardrail blocked the message itself (the model is never called). */
    private static ResponseDefinitionBuilder inputBlocked() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                {"output":{"message":{"role":"assistant","content":[{"text":"%s"}]}},
                 "stopReason":"guardrail_intervened",
                 "usage":{"inputTokens":0,"outputTokens":0,"totalTokens":0},
                 "metrics":{"latencyMs":240},
                 "trace":{"guardrail":{"inputAssessment":{"%s":{
                   "contentPolicy":{"filters":[{"type":"PROMPT_ATTACK","confidence":"HIGH","filterStrength":"HIGH",
                                                "action":"BLOCKED","detected":true}]},
                   "invocationMetrics":{"guardrailProcessingLatency":198,
                     "usage":{"topicPolicyUnits":1,"contentPolicyUnits":1,"wordPolicyUnits":0,"sensitiveInformationPolicyUnits":0,
                              "sensitiveInformationPolicyFreeUnits":0,"contextualGroundingPolicyUnits":0},
                     "guardrailCoverage":{"textCharacters":{"guarded":52,"total":52}}}}}}}}
                """.formatted(BLOCKED_INPUT, GUARDRAIL_ID));
    }

    private static BedrockSettings guarded() {
        return settings(Duration.ofSeconds(5)).withGuardrail(new BedrockSettings.Guardrail(GUARDRAIL_ID, "3"));
    }

    @Test
    void withAGuardrail_everyConverseCallNamesIt_withTheTraceOn() throws Exception {
        server.stubFor(post(urlEqualTo(CONVERSE_PATH)).willReturn(converseAnswer("えらいよ。大丈夫だよ。", "end_turn")));
        GeneratedReply reply = BedrockReplyGenerator.create(guarded(), PROMPTS).generate(new ReplyRequest(
                AiCharacter.TAMA, Mood.PRAISE, PraiseLevel.NORMAL, MESSAGE, List.of(), Optional.empty()));
        assertThat(reply.text()).isEqualTo("えらいよ。大丈夫だよ。");
        JsonNode body = JSON.readTree(server.findAll(postRequestedFor(urlEqualTo(CONVERSE_PATH))).getFirst().getBodyAsString());
        assertThat(body.at("/guardrailConfig/guardrailIdentifier").asText()).isEqualTo(GUARDRAIL_ID);
        assertThat(body.at("/guardrailConfig/guardrailVersion").asText()).isEqualTo("3");
        assertThat(body.at("/guardrailConfig/trace").asText()).isEqualTo("enabled");
    }

    @Test
    void aGuardrailBlockingTheOutput_isAnIntervention_neverItsBlockedMessage() {
        server.stubFor(post(urlEqualTo(CONVERSE_PATH)).willReturn(outputBlocked()));
        GuardrailIntervention intervention = catchThrowableOfType(GuardrailIntervention.class,
                () -> BedrockReplyGenerator.create(guarded(), PROMPTS).generate(new ReplyRequest(
                        AiCharacter.MADOKA, Mood.LISTEN, PraiseLevel.NORMAL, MESSAGE, List.of(), Optional.empty())));
        assertThat(intervention.blocked()).isEqualTo("output");
        assertThat(intervention.policies()).containsExactly("topic MedicalAdvice");
        assertThat(intervention.getMessage()).doesNotContain(BLOCKED_OUTPUT, "発疹");
    }

    @Test
    void aGuardrailBlockingTheMessage_isAnIntervention_onTheInput() {
        server.stubFor(post(urlEqualTo(CONVERSE_PATH)).willReturn(inputBlocked()));
        GuardrailIntervention intervention = catchThrowableOfType(GuardrailIntervention.class,
                () -> BedrockReplyGenerator.create(guarded(), PROMPTS).generate(new ReplyRequest(
                        AiCharacter.HIDE, Mood.PRAISE, PraiseLevel.NORMAL, MESSAGE, List.of(), Optional.empty())));
        assertThat(intervention.blocked()).isEqualTo("input");
        assertThat(intervention.policies()).containsExactly("content PROMPT_ATTACK");
    }

    @Test
    void aGuardrailIntervention_getsTheOfflineReply_countedAsARejectedReply_notAsAFallback() throws Exception {
        server.stubFor(post(urlEqualTo(CONVERSE_PATH)).willReturn(outputBlocked()));
        BedrockSettings settings = settings(Duration.ofSeconds(5));
        AiReplies replies = new AiReplies("bedrock", settings.modelId(), settings.maxTokens(), settings.temperature(),
                5000, settings.region(), settings.endpoint(), Optional.of(GUARDRAIL_ID), Optional.of("3"));
        long rejectedBefore = ProcessCounters.get(ProcessCounters.AI_REPLY_REJECTED);
        long fallbacksBefore = ProcessCounters.get(ProcessCounters.AI_FALLBACK);

        AiResult result = replies.reply(AiCharacter.TAMA, Mood.LISTEN, PraiseLevel.DEEP, MESSAGE, turns(1));

        ReplyRequest request = new ReplyRequest(AiCharacter.TAMA, Mood.LISTEN, PraiseLevel.DEEP, MESSAGE, List.of(),
                result.emotion().primary());
        assertThat(result.source()).isEqualTo(ReplySource.CHECKED_FALLBACK);
        assertThat(result.text()).isEqualTo(new OfflineReplyGenerator().generate(request).text()).doesNotContain("ごめんね");
        assertThat(replies.rejectedCount()).isEqualTo(1);
        assertThat(replies.fallbackCount()).isZero();
        assertThat(ProcessCounters.get(ProcessCounters.AI_REPLY_REJECTED)).isEqualTo(rejectedBefore + 1);
        assertThat(ProcessCounters.get(ProcessCounters.AI_FALLBACK)).isEqualTo(fallbacksBefore);
        JsonNode body = JSON.readTree(server.findAll(postRequestedFor(urlEqualTo(CONVERSE_PATH))).getFirst().getBodyAsString());
        assertThat(body.at("/guardrailConfig/guardrailIdentifier").asText()).isEqualTo(GUARDRAIL_ID);
        assertThat(body.at("/guardrailConfig/guardrailVersion").asText()).isEqualTo("3");
    }

    @Test
    void aBedrockReplyThatFailsTheCheck_isReplaced() {
        server.stubFor(post(urlEqualTo(CONVERSE_PATH)).willReturn(converseAnswer(
                "よく頑張ったわね。疲れたら家事代行を試してみて。", "end_turn")));
        BedrockSettings settings = settings(Duration.ofSeconds(5));
        AiReplies replies = new AiReplies("bedrock", settings.modelId(), settings.maxTokens(), settings.temperature(),
                5000, settings.region(), settings.endpoint(), Optional.empty(), Optional.empty());
        AiResult result = replies.reply(AiCharacter.MADOKA, Mood.PRAISE, PraiseLevel.NORMAL, MESSAGE, List.of());
        assertThat(result.source()).isEqualTo(ReplySource.CHECKED_FALLBACK);
        assertThat(result.text()).doesNotContain("試して");
        assertThat(replies.rejectedCount()).isEqualTo(1);
        assertThat(replies.fallbackCount()).isZero();
    }

    private static void assertFallback(Duration timeout) {
        BedrockSettings settings = settings(timeout);
        AiReplies replies = new AiReplies("bedrock", settings.modelId(), settings.maxTokens(), settings.temperature(),
                timeout.toMillis(), settings.region(), settings.endpoint(), Optional.empty(), Optional.empty());
        long processBefore = ProcessCounters.get(ProcessCounters.AI_FALLBACK);

        AiResult result = replies.reply(AiCharacter.TAMA, Mood.PRAISE, PraiseLevel.NORMAL, MESSAGE, turns(2));

        ReplyRequest request = new ReplyRequest(AiCharacter.TAMA, Mood.PRAISE, PraiseLevel.NORMAL, MESSAGE, List.of(),
                result.emotion().primary());
        assertThat(result.source()).isEqualTo(ReplySource.FALLBACK);
        assertThat(result.text()).isEqualTo(new OfflineReplyGenerator().generate(request).text());
        assertThat(replies.fallbackCount()).isEqualTo(1);
        assertThat(ProcessCounters.get(ProcessCounters.AI_FALLBACK)).isEqualTo(processBefore + 1);
        assertThat(server.findAll(postRequestedFor(urlEqualTo(CONVERSE_PATH)))).isNotEmpty();
    }
}
