package jp.homebiyori.infra;

import jp.homebiyori.common.db.Table;
import jp.homebiyori.common.db.TableNames;
import jp.homebiyori.common.db.TableProvisioner;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static jp.homebiyori.infra.Template.list;
import static jp.homebiyori.infra.Template.map;
import static jp.homebiyori.infra.Template.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The template's tables are the tables the code creates locally and in tests: each is compared with
 * {@link TableProvisioner#definition} of the same {@link Table}, so the two cannot drift apart.
 */
class TablesTest {

    private final Template template = Template.load();

    @Test
    void everyTableOfTheCodeIsInTheTemplate_withTheSameKeysIndexesAndTtl() {
        Map<String, Map<String, Object>> byName = tablesByName();
        TableNames names = new TableNames(Template.ENV);
        assertThat(byName.keySet()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Table.values()).map(names::of).toList());
        for (Table table : Table.values()) {
            String name = names.of(table);
            Map<String, Object> resource = byName.get(name);
            Map<String, Object> properties = map(resource.get("Properties"));
            CreateTableRequest code = TableProvisioner.definition(table, name);

            assertThat(properties.get("BillingMode")).as(name).isEqualTo(code.billingModeAsString()).isEqualTo("PAY_PER_REQUEST");
            assertThat(keySchema(properties.get("KeySchema"))).as(name + " key").isEqualTo(keySchema(code.keySchema()));
            assertThat(attributes(properties.get("AttributeDefinitions"))).as(name + " attributes")
                    .isEqualTo(code.attributeDefinitions().stream()
                            .collect(Collectors.toMap(a -> a.attributeName(), a -> a.attributeTypeAsString())));
            assertThat(indexes(properties.get("GlobalSecondaryIndexes"))).as(name + " GSIs")
                    .isEqualTo(code.globalSecondaryIndexes().stream().collect(Collectors.toMap(
                            GlobalSecondaryIndex::indexName,
                            g -> keySchema(g.keySchema()) + " " + g.projection().projectionTypeAsString())));

            Object ttl = properties.get("TimeToLiveSpecification");
            if (table.hasTtl()) {
                assertThat(ttl).as(name + " has a TTL").isNotNull();
                assertThat(map(ttl)).as(name + " TTL").containsEntry("AttributeName", Table.TTL).containsEntry("Enabled", true);
            } else {
                assertThat(ttl).as(name + " has no TTL").isNull();
            }
            assertThat(resource.get("DeletionPolicy")).as(name).isEqualTo("Retain");
        }
    }

    /** The words, independent of the enum: TTL on chats and notifications, GSI1 where domain.md has one. */
    @Test
    void chatsAndNotificationsExpire_andTheDomainsSecondAccessPathsExist() {
        Map<String, Map<String, Object>> byName = tablesByName();
        for (String expiring : List.of("chats", "notifications")) {
            Object ttl = map(byName.get("prod-homebiyori-" + expiring).get("Properties")).get("TimeToLiveSpecification");
            assertThat(ttl).as(expiring + " has a TTL").isNotNull();
            assertThat(map(ttl)).as(expiring).containsEntry("Enabled", true);
        }
        // domain.md: fruits, chats, notifications and feedback have GSI1 (subscriptions adds the customer id lookup)
        for (String withIndex : List.of("fruits", "chats", "notifications", "feedback", "subscriptions")) {
            assertThat(indexes(map(byName.get("prod-homebiyori-" + withIndex).get("Properties")).get("GlobalSecondaryIndexes")))
                    .as(withIndex).containsKey("GSI1");
        }
    }

    private Map<String, Map<String, Object>> tablesByName() {
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        template.resources("AWS::DynamoDB::Table").values()
                .forEach(r -> byName.put(text(map(r.get("Properties")).get("TableName")), r));
        return byName;
    }

    private static String keySchema(Object templateKeys) {
        return list(templateKeys).stream().map(Template::map)
                .map(k -> k.get("AttributeName") + ":" + k.get("KeyType")).collect(Collectors.joining(","));
    }

    private static String keySchema(List<KeySchemaElement> codeKeys) {
        return codeKeys.stream().map(k -> k.attributeName() + ":" + k.keyTypeAsString()).collect(Collectors.joining(","));
    }

    private static Map<String, String> attributes(Object definitions) {
        return list(definitions).stream().map(Template::map)
                .collect(Collectors.toMap(a -> (String) a.get("AttributeName"), a -> (String) a.get("AttributeType")));
    }

    private static Map<String, String> indexes(Object gsis) {
        return list(gsis).stream().map(Template::map).collect(Collectors.toMap(
                g -> (String) g.get("IndexName"),
                g -> keySchema(g.get("KeySchema")) + " " + map(g.get("Projection")).get("ProjectionType")));
    }
}
