package jp.homebiyori.domain;

import jp.homebiyori.common.db.PageTokens;
import jp.homebiyori.common.db.Table;
import jp.homebiyori.common.db.TableNames;
import jp.homebiyori.common.db.TableProvisioner;
import jp.homebiyori.testkit.TestStack;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Fresh tables on the shared dynalite for one test class. */
public final class DomainTables {

    public final DynamoDbClient dynamo = TestStack.dynamo();
    public final TableNames names = new TableNames("d" + UUID.randomUUID().toString().replace("-", "").substring(0, 10));
    public final PageTokens tokens = new PageTokens(TestStack.PAGINATION_KEY);

    public DomainTables() {
        TableProvisioner.createMissing(dynamo, names);
    }

    /** Every raw item of a table (for tests that check the stored shape). */
    public List<Map<String, AttributeValue>> scan(Table table) {
        return dynamo.scanPaginator(b -> b.tableName(names.of(table))).items().stream().toList();
    }
}
