package jp.homebiyori.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import jp.homebiyori.ttlupdater.TtlBatchProcessor;

import java.util.List;

/**
 * The Lambda entry point of ttl-updater on the TTL queue: {@code jp.homebiyori.lambda.TtlQueueHandler::handleRequest},
 * with {@code ReportBatchItemFailures} on the event source mapping. Each message is processed on its
 * own; the ids of the failed ones are reported, so SQS redelivers only those (and dead-letters them
 * after the queue's maxReceiveCount).
 */
public class TtlQueueHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final TtlBatchProcessor PROCESSOR = Backend.bean(TtlBatchProcessor.class);

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSEvent.SQSMessage> records = event.getRecords() == null ? List.of() : event.getRecords();
        List<String> failed = PROCESSOR.process(records.stream()
                .map(m -> new TtlBatchProcessor.Received(m.getMessageId(), m.getBody()))
                .toList());
        return new SQSBatchResponse(failed.stream().map(SQSBatchResponse.BatchItemFailure::new).toList());
    }
}
