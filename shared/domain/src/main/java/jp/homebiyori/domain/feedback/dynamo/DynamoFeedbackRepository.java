package jp.homebiyori.domain.feedback.dynamo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.homebiyori.common.db.Attrs;
import jp.homebiyori.common.db.Table;
import jp.homebiyori.common.db.TableNames;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.domain.feedback.CancellationFeedback;
import jp.homebiyori.domain.feedback.FeedbackRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.Map;

/**
 * {@link FeedbackRepository}: {@code FEEDBACK#<YYYY-MM>} / {@code CANCELLATION#<user>#<ts>};
 * GSI1 {@code FEEDBACK#cancellation} / ts (all cancellations in time order, for analysis).
 */
@ApplicationScoped
public class DynamoFeedbackRepository implements FeedbackRepository {

    private final DynamoDbClient dynamo;
    private final String table;

    @Inject
    public DynamoFeedbackRepository(DynamoDbClient dynamo, TableNames names) {
        this.dynamo = dynamo;
        this.table = names.of(Table.FEEDBACK);
    }

    @Override
    public void save(CancellationFeedback f) {
        String ts = JstClock.format(f.createdAt());
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Table.PK, Attrs.s("FEEDBACK#" + ts.substring(0, 7)));
        item.put(Table.SK, Attrs.s("CANCELLATION#" + f.userId() + "#" + ts));
        item.put(Table.GSI1PK, Attrs.s("FEEDBACK#cancellation"));
        item.put(Table.GSI1SK, Attrs.s(ts));
        item.put("user_id", Attrs.s(f.userId()));
        item.put("reason_category", Attrs.s(f.reasonCategory().id()));
        Attrs.putIfPresent(item, "reason_text", f.reasonText());
        item.put("satisfaction_score", Attrs.n(f.satisfactionScore()));
        Attrs.putIfPresent(item, "improvement_suggestions", f.improvementSuggestions());
        item.put("created_at", Attrs.s(ts));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }
}
