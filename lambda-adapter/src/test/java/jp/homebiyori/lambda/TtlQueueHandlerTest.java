package jp.homebiyori.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.homebiyori.domain.character.AiCharacter;
import jp.homebiyori.domain.character.Mood;
import jp.homebiyori.domain.character.PraiseLevel;
import jp.homebiyori.domain.chat.ChatMessage;
import jp.homebiyori.domain.chat.ChatRepository;
import jp.homebiyori.domain.subscription.Plan;
import jp.homebiyori.domain.subscription.Subscription;
import jp.homebiyori.domain.subscription.SubscriptionRepository;
import jp.homebiyori.ttlupdater.TtlUpdateMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQS events of the TTL queue through {@link TtlQueueHandler}, (de)serialised as the Lambda Java
 * runtime does it, on the real backend wiring (dynalite).
 */
class TtlQueueHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PojoSerializer<SQSEvent> EVENTS =
            LambdaEventSerializers.serializerFor(SQSEvent.class, TtlQueueHandlerTest.class.getClassLoader());
    private static final PojoSerializer<SQSBatchResponse> RESPONSES = JacksonFactory.getInstance().getSerializer(SQSBatchResponse.class);

    private static TtlQueueHandler handler;
    private static ChatRepository chats;
    private static SubscriptionRepository subscriptions;

    @BeforeAll
    static void start() {
        LambdaTestStack.start();
        handler = new TtlQueueHandler();
        chats = Backend.bean(ChatRepository.class);
        subscriptions = Backend.bean(SubscriptionRepository.class);
    }

    private static void seedChats(String user, int count, Plan plan) {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(9)).minusDays(5);
        for (int i = 0; i < count; i++) {
            OffsetDateTime at = start.plusMinutes(i);
            chats.save(new ChatMessage(user, UUID.randomUUID().toString(), ChatMessage.ChatType.INDIVIDUAL, "m", List.of(),
                    AiCharacter.TAMA, Mood.PRAISE, PraiseLevel.NORMAL, null, false, 1, 1, plan, at, ChatMessage.ttlFor(at, plan)));
        }
    }

    private static void subscribeYearly(String user) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(9));
        subscriptions.saveIfNotOlder(new Subscription(user, "cus_l", "sub_l", Plan.YEARLY, "active", now, now.plusYears(1), false, 1, now));
    }

    private static List<Long> retentionDays(String user) {
        return chats.history(user, 100, null, null, null, null, Instant.now()).items().stream()
                .map(m -> (m.ttlEpochSeconds() - m.createdAt().toInstant().getEpochSecond()) / 86400)
                .toList();
    }

    private static String upgrade(String user) {
        return new TtlUpdateMessage(user, "free", "yearly", OffsetDateTime.now().toString(), "webhook-service",
                UUID.randomUUID().toString()).toJson();
    }

    /** The SQS event JSON of a batch: {@code {messageId, body}} pairs put into the recorded record shape. */
    private static String batch(String... idsAndBodies) throws IOException {
        ObjectNode event;
        try (InputStream in = TtlQueueHandlerTest.class.getResourceAsStream("/events/sqs-batch.json")) {
            event = (ObjectNode) JSON.readTree(in);
        }
        ObjectNode template = (ObjectNode) event.path("Records").get(0);
        ArrayNode records = event.putArray("Records");
        for (int i = 0; i < idsAndBodies.length; i += 2) {
            records.add(template.deepCopy().put("messageId", idsAndBodies[i]).put("body", idsAndBodies[i + 1]));
        }
        return event.toString();
    }

    /** Runs the handler as the runtime does: event JSON in, response JSON out. */
    private static JsonNode invoke(String eventJson) throws IOException {
        SQSEvent event = EVENTS.fromJson(new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)));
        SQSBatchResponse response = handler.handleRequest(event, new TestContext());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RESPONSES.toJson(response, out);
        return JSON.readTree(out.toByteArray());
    }

    @Test
    void batchWithOnePoisonMessage_reportsExactlyThePoisonId_andTheGoodMessageRewritesTheTtl() throws IOException {
        String user = "ttl-" + UUID.randomUUID();
        seedChats(user, 3, Plan.FREE);
        subscribeYearly(user);
        String good = UUID.randomUUID().toString();
        String poison = UUID.randomUUID().toString();

        JsonNode response = invoke(batch(good, upgrade(user), poison, "{not json"));

        assertThat(response.path("batchItemFailures")).hasSize(1);
        assertThat(response.path("batchItemFailures").get(0).path("itemIdentifier").asText()).isEqualTo(poison);
        assertThat(retentionDays(user)).hasSize(3).containsOnly(180L);
    }

    @Test
    void batchOfGoodMessages_reportsNoFailures() throws IOException {
        String first = "ttl-" + UUID.randomUUID();
        String second = "ttl-" + UUID.randomUUID();
        seedChats(first, 2, Plan.FREE);
        seedChats(second, 1, Plan.FREE);
        subscribeYearly(first);

        JsonNode response = invoke(batch(UUID.randomUUID().toString(), upgrade(first), UUID.randomUUID().toString(), upgrade(second)));

        assertThat(response.path("batchItemFailures")).isEmpty();
        assertThat(retentionDays(first)).containsOnly(180L);
        assertThat(retentionDays(second)).containsOnly(30L);
    }

    @Test
    void messageWithoutUserId_isReportedAsFailed() throws IOException {
        String id = UUID.randomUUID().toString();

        JsonNode response = invoke(batch(id, "{\"old_plan\":\"free\",\"new_plan\":\"yearly\"}"));

        assertThat(response.path("batchItemFailures")).singleElement()
                .satisfies(f -> assertThat(f.path("itemIdentifier").asText()).isEqualTo(id));
    }
}
