package jp.homebiyori.ai;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jp.homebiyori.common.metrics.ProcessCounters;
import jp.homebiyori.domain.character.AiCharacter;
import jp.homebiyori.domain.character.EmotionStamp;
import jp.homebiyori.domain.character.Mood;
import jp.homebiyori.domain.character.PraiseLevel;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;

/**
 * The AI layer as the chat service sees it: a message goes through the safety step, the emotion
 * analysis and the configured generator ({@code offline} by default, or {@code bedrock} with the
 * offline generator as fallback); a stamp gets a fixed empathetic reply.
 *
 * <p>Every generated reply passes the {@link ReplyCheck} before it is returned. One that fails — or that
 * Bedrock's guardrail refused ({@link GuardrailIntervention}) — is replaced by the offline generator's reply
 * to the same request (source {@link ReplySource#CHECKED_FALLBACK}), which is checked too; should that fail
 * as well, the character's fixed neutral reply is sent. Each replacement is counted
 * ({@link ProcessCounters#AI_REPLY_REJECTED}, the admin metrics' rejected replies) and logged with its
 * code, character, mood and level — never the reply or the message.
 */
@ApplicationScoped
public class AiReplies {

    private static final Logger LOG = Logger.getLogger(AiReplies.class.getName());

    private final SafetyCheck safety = new SafetyCheck();
    private final EmotionAnalyzer emotions = new EmotionAnalyzer();
    private final StampReplies stamps = new StampReplies();
    private final ReplyCheck check = new ReplyCheck();
    private final ReplyGenerator generator;
    private final ReplyGenerator replacement;
    private final LongAdder rejected = new LongAdder();

    @Inject
    public AiReplies(@ConfigProperty(name = "homebiyori.ai.generator", defaultValue = "offline") String generator,
                     @ConfigProperty(name = "homebiyori.ai.bedrock.model-id",
                             defaultValue = BedrockSettings.DEFAULT_MODEL_ID) String modelId,
                     @ConfigProperty(name = "homebiyori.ai.bedrock.max-tokens", defaultValue = "200") int maxTokens,
                     @ConfigProperty(name = "homebiyori.ai.bedrock.temperature", defaultValue = "0.7") float temperature,
                     @ConfigProperty(name = "homebiyori.ai.bedrock.timeout-millis", defaultValue = "8000") long timeoutMillis,
                     @ConfigProperty(name = "homebiyori.aws.region", defaultValue = BedrockSettings.DEFAULT_REGION) String region,
                     @ConfigProperty(name = "homebiyori.ai.bedrock.endpoint") Optional<String> endpoint,
                     @ConfigProperty(name = "homebiyori.ai.bedrock.guardrail-id") Optional<String> guardrailId,
                     @ConfigProperty(name = "homebiyori.ai.bedrock.guardrail-version") Optional<String> guardrailVersion) {
        this(generator(generator, new BedrockSettings(modelId, maxTokens, temperature,
                Duration.ofMillis(timeoutMillis), region, endpoint,
                BedrockSettings.Guardrail.of(guardrailId, guardrailVersion))));
    }

    /** With a given generator (tests, or a service that builds its own); failed replies are replaced offline. */
    public AiReplies(ReplyGenerator generator) {
        this(generator, new OfflineReplyGenerator());
    }

    /** With the generator whose replies replace those that fail the check (tests: one that fails too). */
    AiReplies(ReplyGenerator generator, ReplyGenerator replacement) {
        this.generator = Objects.requireNonNull(generator, "generator");
        this.replacement = Objects.requireNonNull(replacement, "replacement");
        warmUpInBackground();
    }

    /** Builds the generator named by {@code homebiyori.ai.generator}; the prompts are checked here, at start-up. */
    static ReplyGenerator generator(String name, BedrockSettings settings) {
        PromptLibrary prompts = PromptLibrary.load();
        return switch (name.strip()) {
            case "offline" -> new OfflineReplyGenerator();
            case "bedrock" -> new FallbackReplyGenerator(BedrockReplyGenerator.create(settings, prompts),
                    new OfflineReplyGenerator());
            default -> throw new IllegalArgumentException(
                    "homebiyori.ai.generator must be offline or bedrock, not " + name);
        };
    }

    /** Builds the bean when the application starts, so a broken configuration stops start-up. */
    void onStartup(@Observes @Initialized(ApplicationScoped.class) Object event) {
        LOG.info("AI replies ready: generator " + generator.getClass().getSimpleName());
    }

    /** Done once the dictionaries are loaded (or their loading failed): SnapStart's priming waits for it. */
    private static final java.util.concurrent.CountDownLatch WARMED = new java.util.concurrent.CountDownLatch(1);
    private static final java.util.concurrent.atomic.AtomicBoolean WARMING = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Loads Kuromoji's dictionaries on a thread of their own, so the first message of a cold service does not
     * wait for them (docs/benchmarks.md §6: what they cost); a message that arrives sooner waits only for the
     * rest of the load. Called when the bean is made, in pods and Lambda alike, once per process; a failure here
     * is logged and the first message loads them.
     */
    static void warmUpInBackground() {
        if (!WARMING.compareAndSet(false, true)) {
            return;
        }
        Thread.ofPlatform().daemon().name("kuromoji-warm-up").start(() -> {
            try {
                long start = System.nanoTime();
                Morphology.warmUp();
                SafetyModel.get();
                LOG.fine(() -> "Kuromoji dictionaries and the safety model loaded in " + (System.nanoTime() - start) / 1_000_000 + " ms");
            } catch (RuntimeException | Error e) {
                LOG.log(java.util.logging.Level.WARNING, "loading Kuromoji's dictionaries failed; the first message will try again", e);
            } finally {
                WARMED.countDown();
            }
        });
    }

    /**
     * Waits (at most {@code timeout}) for the dictionaries started by {@link #warmUpInBackground}: SnapStart's
     * priming calls it before the snapshot, so a restored chat-service never loads them. True if they are loaded
     * (or no warm-up was started: nothing to wait for).
     */
    public static boolean awaitWarmUp(java.time.Duration timeout) throws InterruptedException {
        return !WARMING.get() || WARMED.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /**
     * The character's reply to {@code message}.
     *
     * @param history earlier turns of this conversation, oldest first; the model sees the last five
     */
    public AiResult reply(AiCharacter character, Mood mood, PraiseLevel level, String message, List<Turn> history) {
        Objects.requireNonNull(character, "character");
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("message must not be blank");
        }
        EmotionAnalysis analysis = emotions.analyze(message);
        Optional<SafetyResult> safe = safety.check(character, message, history);
        if (safe.isPresent()) {
            return new AiResult(safe.get().reply(), ReplySource.SAFETY, Optional.of(safe.get().category()), analysis,
                    safe.get().fruitAllowed());
        }
        ReplyRequest request = new ReplyRequest(character, mood, level, message, history, analysis.primary());
        GeneratedReply reply;
        try {
            reply = generator.generate(request);
        } catch (GuardrailIntervention refused) {
            String detail = " on " + refused.blocked() + (refused.policies().isEmpty() ? "" : " " + refused.policies());
            if (refused.blockedSelfHarmInput()) {
                // a message the safety step missed and the guardrail recognised: the safety reply, never a praise
                rejected(request, ReplyViolation.GUARDRAIL, detail, "the self-harm safety reply");
                return new AiResult(SafeReplies.reply(character, SafetyCategory.SELF_HARM), ReplySource.SAFETY,
                        Optional.of(SafetyCategory.SELF_HARM), analysis, false);
            }
            rejected(request, ReplyViolation.GUARDRAIL, detail, "the offline reply");
            reply = replacement(request);
            return new AiResult(reply.text(), reply.source(), Optional.empty(), analysis, analysis.fruitWorthy());
        }
        Optional<ReplyViolation> violation = check.check(reply.text(), mood, level);
        if (violation.isPresent()) {
            rejected(request, violation.get(), " in a " + reply.source() + " reply", "the offline reply");
            reply = replacement(request);
        }
        return new AiResult(reply.text(), reply.source(), Optional.empty(), analysis, analysis.fruitWorthy());
    }

    private void rejected(ReplyRequest request, ReplyViolation violation, String detail, String sent) {
        rejected.increment();
        ProcessCounters.increment(ProcessCounters.AI_REPLY_REJECTED);
        LOG.warning("AI reply rejected: " + violation + detail + settings(request) + "; " + sent + " was sent");
    }

    private static String settings(ReplyRequest request) {
        return " (character " + request.character().id() + ", mood " + request.mood().id()
                + ", level " + request.level().id() + ")";
    }

    /** The offline reply for {@code request} if it passes the check, else the character's neutral reply. */
    private GeneratedReply replacement(ReplyRequest request) {
        String settings = settings(request);
        String offline = replacement.generate(request).text();
        Optional<ReplyViolation> again = check.check(offline, request.mood(), request.level());
        if (again.isEmpty()) {
            return new GeneratedReply(offline, ReplySource.CHECKED_FALLBACK);
        }
        LOG.severe("the offline reply failed the reply check too: " + again.get() + settings
                + "; the character's neutral reply was sent");
        return new GeneratedReply(NeutralReplies.reply(request.character(), request.level()), ReplySource.CHECKED_FALLBACK);
    }

    /** The character's empathetic reply to an emotion stamp sent alone (never a fruit). */
    public AiResult replyToStamp(AiCharacter character, EmotionStamp stamp) {
        Objects.requireNonNull(character, "character");
        EmotionAnalysis analysis = EmotionAnalysis.ofStamp(StampReplies.emotionOf(stamp));
        return new AiResult(stamps.reply(character, stamp), ReplySource.OFFLINE, Optional.empty(), analysis, false);
    }

    /** The emotion analysis alone (for callers that store emotions of messages without a reply). */
    public EmotionAnalysis analyze(String message) {
        return emotions.analyze(message);
    }

    /** How many generated replies this bean replaced because they failed the check or the guardrail refused them. */
    public long rejectedCount() {
        return rejected.sum();
    }

    /** How many replies fell back from Bedrock to the offline generator in this bean; 0 when offline. */
    public long fallbackCount() {
        return generator instanceof FallbackReplyGenerator fallback ? fallback.fallbackCount() : 0;
    }
}
