package jp.homebiyori.ttlupdater;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The pod and local form of ttl-updater: a long-polling loop on the TTL queue (20 s waits by default, up to 10
 * messages), deleting the messages that succeeded. Started when the application starts if
 * {@code homebiyori.ttl-updater.worker.enabled} is true and the queue URL is configured; Lambda uses
 * the SQS event handler instead.
 */
@ApplicationScoped
public class TtlQueueWorker {

    private static final Logger LOG = Logger.getLogger(TtlQueueWorker.class.getName());

    private final TtlBatchProcessor processor;
    private final Instance<SqsClient> sqs;
    private final boolean enabled;
    private final Optional<String> queueUrl;
    private final int waitSeconds;
    private volatile boolean running;
    private Thread thread;

    @Inject
    public TtlQueueWorker(TtlBatchProcessor processor, Instance<SqsClient> sqs,
                          @ConfigProperty(name = "homebiyori.ttl-updater.worker.enabled", defaultValue = "false") boolean enabled,
                          @ConfigProperty(name = "homebiyori.sqs.ttl-queue-url") Optional<String> queueUrl,
                          @ConfigProperty(name = "homebiyori.ttl-updater.worker.wait-seconds", defaultValue = "20") int waitSeconds) {
        this.processor = processor;
        this.sqs = sqs;
        this.enabled = enabled;
        this.queueUrl = queueUrl;
        this.waitSeconds = waitSeconds;
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (!enabled || queueUrl.isEmpty()) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("ttl-queue-worker").daemon().start(this::loop);
        LOG.info("TTL queue worker polling " + queueUrl.get());
    }

    private void loop() {
        SqsClient client = sqs.get();
        while (running) {
            try {
                pollOnce(client, waitSeconds);
            } catch (RuntimeException e) {
                LOG.warning("TTL queue poll failed: " + e.getClass().getSimpleName() + "; retrying in 5 s");
                sleep(5000);
            }
        }
    }

    /** One receive-process-delete round; returns how many messages were received. */
    public int pollOnce(SqsClient client, int waitSeconds) {
        List<Message> messages = client.receiveMessage(b -> b.queueUrl(queueUrl.orElseThrow())
                .maxNumberOfMessages(10).waitTimeSeconds(waitSeconds)).messages();
        if (messages.isEmpty()) {
            return 0;
        }
        List<String> failed = processor.process(messages.stream()
                .map(m -> new TtlBatchProcessor.Received(m.messageId(), m.body())).toList());
        for (Message m : messages) {
            if (!failed.contains(m.messageId())) {
                client.deleteMessage(b -> b.queueUrl(queueUrl.get()).receiptHandle(m.receiptHandle()));
            }
        }
        return messages.size();
    }

    @PreDestroy
    void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
