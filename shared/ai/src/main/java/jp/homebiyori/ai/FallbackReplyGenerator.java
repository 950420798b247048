package jp.homebiyori.ai;

import jp.homebiyori.common.metrics.ProcessCounters;
import software.amazon.awssdk.core.exception.SdkServiceException;

import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;

/**
 * Asks the primary generator (Bedrock) and, when it fails or times out, answers with the offline
 * generator instead, so that a chat never fails because of the model. Each fallback is counted here
 * and in {@link ProcessCounters#AI_FALLBACK} (the admin metrics' "AI fallback count") and logged
 * without the message (chat text never reaches the logs). A {@link GuardrailIntervention} is not a failure
 * of the model and passes through: {@link AiReplies} replaces and counts it as a rejected reply.
 */
public final class FallbackReplyGenerator implements ReplyGenerator {

    private static final Logger LOG = Logger.getLogger(FallbackReplyGenerator.class.getName());

    private final ReplyGenerator primary;
    private final ReplyGenerator fallback;
    private final LongAdder fallbacks = new LongAdder();

    public FallbackReplyGenerator(ReplyGenerator primary, ReplyGenerator fallback) {
        this.primary = Objects.requireNonNull(primary, "primary");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    @Override
    public GeneratedReply generate(ReplyRequest request) {
        try {
            return primary.generate(request);
        } catch (GuardrailIntervention refused) {
            throw refused;
        } catch (RuntimeException e) {
            fallbacks.increment();
            ProcessCounters.increment(ProcessCounters.AI_FALLBACK);
            LOG.warning("AI reply fell back to offline: " + describe(e) + " (character " + request.character().id()
                    + ", mood " + request.mood().id() + ", level " + request.level().id() + ")");
            return new GeneratedReply(fallback.generate(request).text(), ReplySource.FALLBACK);
        }
    }

    /** How many replies this generator had to make offline. */
    public long fallbackCount() {
        return fallbacks.sum();
    }

    /** The error kind and, for a service error, its status: never the exception message. */
    private static String describe(RuntimeException e) {
        if (e instanceof SdkServiceException service) {
            return e.getClass().getSimpleName() + " status " + service.statusCode();
        }
        return e.getClass().getSimpleName();
    }
}
