package jp.homebiyori.ttlupdater;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jp.homebiyori.common.health.Heartbeat;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The pod and local form of ttl-updater: a long-polling loop on the TTL queue (20 s waits by default, up to 10
 * messages), deleting the messages that succeeded. Started when the application starts if
 * {@code homebiyori.ttl-updater.worker.enabled} is true and the queue URL is configured; Lambda uses
 * the SQS event handler instead.
 *
 * <p>The loop beats ({@link Heartbeat}) when a receive returns, after each message and after a failed poll's
 * pause; a pod's liveness check (shared/probes) reports it DOWN when no beat came for
 * {@code homebiyori.ttl-updater.worker.stuck-after-seconds} (default 3 × the wait + 60 s: a receive may take the
 * wait plus the SQS client's 25 s attempt timeout, and one user's TTL rewrite some seconds more) or when its
 * thread has ended.
 */
@ApplicationScoped
public class TtlQueueWorker implements Heartbeat {

    private static final Logger LOG = Logger.getLogger(TtlQueueWorker.class.getName());

    private final TtlBatchProcessor processor;
    private final Instance<SqsClient> sqs;
    private final boolean enabled;
    private final Optional<String> queueUrl;
    private final int waitSeconds;
    private final Duration stuckAfter;
    private volatile boolean running;
    private volatile Instant lastBeat = Instant.now();
    private volatile Thread thread;

    @Inject
    public TtlQueueWorker(TtlBatchProcessor processor, Instance<SqsClient> sqs,
                          @ConfigProperty(name = "homebiyori.ttl-updater.worker.enabled", defaultValue = "false") boolean enabled,
                          @ConfigProperty(name = "homebiyori.sqs.ttl-queue-url") Optional<String> queueUrl,
                          @ConfigProperty(name = "homebiyori.ttl-updater.worker.wait-seconds", defaultValue = "20") int waitSeconds,
                          @ConfigProperty(name = "homebiyori.ttl-updater.worker.stuck-after-seconds") Optional<Integer> stuckAfterSeconds) {
        this.processor = processor;
        this.sqs = sqs;
        this.enabled = enabled;
        this.queueUrl = queueUrl;
        this.waitSeconds = waitSeconds;
        this.stuckAfter = Duration.ofSeconds(stuckAfterSeconds.orElse(3 * waitSeconds + 60));
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (!enabled || queueUrl.isEmpty()) {
            return;
        }
        thread = Thread.ofPlatform().name("ttl-queue-worker").daemon().unstarted(this::loop);
        running = true;
        beat();
        thread.start();
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
                beat();
            }
        }
    }

    /**
     * One receive-process-delete round; returns how many messages were received. Each message is processed on
     * its own (as the batch processor does anyway) and deleted when it succeeded, with a beat after each.
     */
    public int pollOnce(SqsClient client, int waitSeconds) {
        List<Message> messages = client.receiveMessage(b -> b.queueUrl(queueUrl.orElseThrow())
                .maxNumberOfMessages(10).waitTimeSeconds(waitSeconds)).messages();
        beat();
        for (Message m : messages) {
            List<String> failed = processor.process(List.of(new TtlBatchProcessor.Received(m.messageId(), m.body())));
            if (failed.isEmpty()) {
                client.deleteMessage(b -> b.queueUrl(queueUrl.get()).receiptHandle(m.receiptHandle()));
            }
            beat();
        }
        return messages.size();
    }

    private void beat() {
        lastBeat = Instant.now();
    }

    @Override
    public String heartbeatName() {
        return "ttl-queue-worker";
    }

    @Override
    public boolean beating() {
        return running;
    }

    @Override
    public Instant lastBeat() {
        return lastBeat;
    }

    @Override
    public boolean threadAlive() {
        Thread t = thread;
        return t != null && (t.isAlive() || t.getState() == Thread.State.NEW);
    }

    @Override
    public Duration stuckAfter() {
        return stuckAfter;
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
