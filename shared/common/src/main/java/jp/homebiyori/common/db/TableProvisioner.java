package jp.homebiyori.common.db;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Creates the tables of {@link Table} that do not exist yet (local stack and tests; in AWS the
 * infrastructure template creates them from the same definitions) and waits until they are active.
 */
public final class TableProvisioner {

    private TableProvisioner() {
    }

    public static void createMissing(DynamoDbClient dynamo, TableNames names) {
        Set<String> existing = Set.copyOf(dynamo.listTablesPaginator().tableNames().stream().toList());
        for (Table table : Table.values()) {
            String name = names.of(table);
            if (!existing.contains(name)) {
                try {
                    dynamo.createTable(definition(table, name));
                } catch (ResourceInUseException alreadyThere) {
                    // created concurrently: fine
                }
            }
        }
        for (Table table : Table.values()) {
            awaitActive(dynamo, names.of(table));
        }
    }

    public static CreateTableRequest definition(Table table, String name) {
        List<AttributeDefinition> attributes = new ArrayList<>(List.of(
                attribute(Table.PK), attribute(Table.SK)));
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(key(Table.PK, KeyType.HASH), key(Table.SK, KeyType.RANGE));
        if (table.hasGsi1()) {
            attributes.add(attribute(Table.GSI1PK));
            attributes.add(attribute(Table.GSI1SK));
            request.globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                    .indexName(Table.GSI1)
                    .keySchema(key(Table.GSI1PK, KeyType.HASH), key(Table.GSI1SK, KeyType.RANGE))
                    .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                    .build());
        }
        return request.attributeDefinitions(attributes).build();
    }

    private static void awaitActive(DynamoDbClient dynamo, String name) {
        for (int i = 0; i < 200; i++) {
            TableStatus status = dynamo.describeTable(b -> b.tableName(name)).table().tableStatus();
            if (status == TableStatus.ACTIVE) {
                return;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("table " + name + " did not become active");
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
