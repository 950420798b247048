package jp.homebiyori.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.util.Optional;
import java.util.logging.Logger;

/** The TTL queue's and its DLQ's approximate depth from SQS; null when a queue is not configured or unreachable. */
@ApplicationScoped
public class QueueDepths {

    private static final Logger LOG = Logger.getLogger(QueueDepths.class.getName());

    private final Instance<SqsClient> sqs;
    private final Optional<String> ttlQueueUrl;
    private final Optional<String> ttlDlqUrl;

    @Inject
    public QueueDepths(Instance<SqsClient> sqs,
                       @ConfigProperty(name = "homebiyori.sqs.ttl-queue-url") Optional<String> ttlQueueUrl,
                       @ConfigProperty(name = "homebiyori.sqs.ttl-dlq-url") Optional<String> ttlDlqUrl) {
        this.sqs = sqs;
        this.ttlQueueUrl = ttlQueueUrl;
        this.ttlDlqUrl = ttlDlqUrl;
    }

    public Long ttlQueue() {
        return depth(ttlQueueUrl);
    }

    public Long ttlDeadLetterQueue() {
        return depth(ttlDlqUrl);
    }

    private Long depth(Optional<String> queueUrl) {
        if (queueUrl.isEmpty() || queueUrl.get().isBlank()) {
            return null;
        }
        try {
            String value = sqs.get().getQueueAttributes(b -> b.queueUrl(queueUrl.get())
                    .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                    .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
            return value == null ? null : Long.parseLong(value);
        } catch (RuntimeException e) {
            LOG.warning("queue depth unavailable: " + e.getClass().getSimpleName());
            return null;
        }
    }
}
