package jp.homebiyori.ttlupdater;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * A batch of queue messages, each on its own: the ids of the ones that failed are returned, so the
 * Lambda form reports partial batch failures and the worker deletes only the successes. A message that
 * keeps failing reaches the dead-letter queue after 3 receives without holding up the others.
 */
@ApplicationScoped
public class TtlBatchProcessor {

    private static final Logger LOG = Logger.getLogger(TtlBatchProcessor.class.getName());

    private final TtlUpdater updater;

    @Inject
    public TtlBatchProcessor(TtlUpdater updater) {
        this.updater = updater;
    }

    /** A received message: its id and body. */
    public record Received(String id, String body) {
    }

    public List<String> process(List<Received> batch) {
        List<String> failed = new ArrayList<>();
        for (Received message : batch) {
            try {
                updater.process(TtlUpdateMessage.parse(message.body()));
            } catch (RuntimeException e) {
                LOG.warning("TTL message " + message.id() + " failed (will be retried, then dead-lettered): "
                        + e.getClass().getSimpleName() + ": " + e.getMessage());
                failed.add(message.id());
            }
        }
        return failed;
    }
}
