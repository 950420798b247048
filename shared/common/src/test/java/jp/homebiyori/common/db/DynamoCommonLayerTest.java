package jp.homebiyori.common.db;

import jp.homebiyori.common.config.AwsClients;
import jp.homebiyori.common.error.ConflictException;
import jp.homebiyori.common.error.UnexpectedExceptionMapperAccess;
import jp.homebiyori.localdev.DynaliteServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The table definitions, conditional writes and pagination tokens against the DynamoDB API server. */
class DynamoCommonLayerTest {

    private static DynamoDbClient dynamo;
    private static TableNames names;

    @BeforeAll
    static void tables() {
        dynamo = AwsClients.build(DynamoDbClient.builder(), "ap-northeast-1",
                Optional.of(DynaliteServer.shared().endpoint().toString()), Duration.ofSeconds(5));
        names = new TableNames("c" + UUID.randomUUID().toString().substring(0, 8));
        TableProvisioner.createMissing(dynamo, names);
    }

    @Test
    void everyTable_isCreatedWithItsKeysAndIndex_andCreatingAgainIsHarmless() {
        TableProvisioner.createMissing(dynamo, names);
        for (Table table : Table.values()) {
            TableDescription description = dynamo.describeTable(b -> b.tableName(names.of(table))).table();
            assertThat(description.tableName()).isEqualTo(names.env() + "-homebiyori-" + table.shortName());
            assertThat(description.keySchema()).extracting(k -> k.attributeName()).containsExactly("PK", "SK");
            assertThat(description.globalSecondaryIndexes().isEmpty()).isEqualTo(!table.hasGsi1());
        }
    }

    @Test
    void tableNames_refuseUnsafeEnvironmentNames() {
        assertThatThrownBy(() -> new TableNames("Prod Env")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TableNames(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void conditionalInsert_secondTime_isAConflict() {
        String table = names.of(Table.USERS);
        Map<String, AttributeValue> item = Map.of("PK", AttributeValue.fromS("USER#x"), "SK", AttributeValue.fromS("PROFILE"));
        Runnable insert = () -> dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)"));
        assertThat(Conditions.applied(insert)).isTrue();
        assertThat(Conditions.applied(insert)).isFalse();
        assertThatThrownBy(() -> Conditions.orConflict(insert, "ALREADY_EXISTS", "exists"))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((ConflictException) e).code()).isEqualTo("ALREADY_EXISTS"));
    }

    @Test
    void queryPages_followedWithTokens_visitEveryItemOnce_newestFirst() {
        String table = names.of(Table.CHATS);
        for (int i = 0; i < 25; i++) {
            String sk = String.format("CHAT#2026-11-26T10:%02d:00.000+09:00", i);
            dynamo.putItem(b -> b.tableName(table).item(Map.of("PK", AttributeValue.fromS("USER#p"), "SK", AttributeValue.fromS(sk))));
        }
        PageTokens tokens = new PageTokens("integration-test-key-0123");
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Map<String, AttributeValue> start = tokens.decode(token, "chats:p");
            QueryResponse page = dynamo.query(b -> b.tableName(table).keyConditionExpression("PK = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("USER#p")))
                    .scanIndexForward(false).limit(10).exclusiveStartKey(start));
            page.items().forEach(i -> seen.add(i.get("SK").s()));
            token = tokens.encode(page.lastEvaluatedKey(), "chats:p");
            pages++;
        } while (token != null && pages < 10);
        assertThat(seen).hasSize(25).doesNotHaveDuplicates();
        assertThat(seen.get(0)).contains("10:24");
        assertThat(seen.get(24)).contains("10:00");
    }

    @Test
    void stoppedServer_isRecognisedAsUnavailable() {
        DynaliteServer lonely = DynaliteServer.start("127.0.0.1", 0, null);
        DynamoDbClient client = AwsClients.build(DynamoDbClient.builder(), "ap-northeast-1",
                Optional.of(lonely.endpoint().toString()), Duration.ofMillis(500));
        lonely.close();
        assertThatThrownBy(() -> client.listTables())
                .satisfies(e -> assertThat(UnexpectedExceptionMapperAccess.isUnavailable(e)).isTrue());
    }
}
