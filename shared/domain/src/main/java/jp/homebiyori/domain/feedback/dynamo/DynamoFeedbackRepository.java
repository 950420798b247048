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
 * GSI1 {@code FEEDBACK#cancellation} / ts (all cancellations in time order, for analysis). The feedback
 * partitions are by month, not by user, so each item also gets a reference in the user's own partition
 * of the subscriptions table ({@code USER#<id>} / {@code FEEDBACK_REF#<ts>}): account deletion finds the
 * user's feedback there instead of scanning every user's (see {@code UserDataEraser}). The reference is
 * written first, so a feedback item never exists without one.
 */
@ApplicationScoped
public class DynamoFeedbackRepository implements FeedbackRepository {

    /** The sort-key prefix of the references in the user's subscriptions partition. */
    public static final String REFERENCE_PREFIX = "FEEDBACK_REF#";
    public static final String REFERENCED_PK = "feedback_pk";
    public static final String REFERENCED_SK = "feedback_sk";

    private final DynamoDbClient dynamo;
    private final String table;
    private final String references;

    @Inject
    public DynamoFeedbackRepository(DynamoDbClient dynamo, TableNames names) {
        this.dynamo = dynamo;
        this.table = names.of(Table.FEEDBACK);
        this.references = names.of(Table.SUBSCRIPTIONS);
    }

    @Override
    public void save(CancellationFeedback f) {
        String ts = JstClock.format(f.createdAt());
        String pk = "FEEDBACK#" + ts.substring(0, 7);
        String sk = "CANCELLATION#" + f.userId() + "#" + ts;
        dynamo.putItem(b -> b.tableName(references).item(Map.of(
                Table.PK, Attrs.s("USER#" + f.userId()), Table.SK, Attrs.s(REFERENCE_PREFIX + ts),
                REFERENCED_PK, Attrs.s(pk), REFERENCED_SK, Attrs.s(sk))));
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Table.PK, Attrs.s(pk));
        item.put(Table.SK, Attrs.s(sk));
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
