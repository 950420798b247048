package jp.homebiyori.admin;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The number of visible messages of a queue ({@code GetQueueAttributes ApproximateNumberOfMessages}),
 * shared by both metrics sources; what a failure means is theirs to decide.
 */
final class QueueDepth {

    private QueueDepth() {
    }

    /**
     * The queue's visible messages, or null when the queue reports none.
     *
     * @throws software.amazon.awssdk.core.exception.SdkException when SQS cannot be read
     */
    static Long read(SqsClient sqs, String queueUrl) {
        String value = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
        return value == null ? null : Long.parseLong(value);
    }
}
