package jp.homebiyori.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jp.homebiyori.common.error.ApiException;
import jp.homebiyori.common.time.JstClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Sends the design document's TTL-update message to the TTL queue. If SQS cannot take it the webhook
 * answers 503, the event stays unprocessed, and Stripe's retry sends it again: no plan change is lost.
 */
@ApplicationScoped
public class TtlQueuePublisher {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Instance<SqsClient> sqs;
    private final Optional<String> queueUrl;
    private final JstClock clock;

    @Inject
    public TtlQueuePublisher(Instance<SqsClient> sqs, @ConfigProperty(name = "homebiyori.sqs.ttl-queue-url") Optional<String> queueUrl,
                             JstClock clock) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.clock = clock;
    }

    public void publish(String userId, String oldPlan, String newPlan, String requestId) {
        String url = queueUrl.filter(u -> !u.isBlank())
                .orElseThrow(() -> ApiException.unavailable("the TTL queue is not configured", 60));
        Map<String, String> body = new LinkedHashMap<>();
        body.put("user_id", userId);
        body.put("old_plan", oldPlan);
        body.put("new_plan", newPlan);
        body.put("timestamp", clock.now().toString());
        body.put("source", "webhook-service");
        body.put("request_id", requestId);
        try {
            String json = JSON.writeValueAsString(body);
            sqs.get().sendMessage(b -> b.queueUrl(url).messageBody(json).messageAttributes(Map.of("source_lambda",
                    MessageAttributeValue.builder().dataType("String").stringValue("webhook-service").build())));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
