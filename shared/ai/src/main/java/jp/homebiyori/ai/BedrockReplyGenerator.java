package jp.homebiyori.ai;

import jp.homebiyori.common.config.AwsClients;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailAssessment;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailContentPolicyAction;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailTopicPolicyAction;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailTrace;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailTraceAssessment;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Writes replies with a model on Amazon Bedrock through the Runtime Converse API: the system prompt
 * of the character × mood × level template, the last five turns as context, then the message.
 * Failures and timeouts surface as exceptions; {@link FallbackReplyGenerator} turns them into
 * offline replies.
 *
 * <p>With a guardrail in the settings every request names it ({@code guardrailConfig}, trace on). When the
 * guardrail intervenes on the message or on the answer, Bedrock answers {@code stopReason}
 * {@code guardrail_intervened} with the guardrail's blocked message as the text: that text is never used,
 * a {@link GuardrailIntervention} is thrown instead, naming what was blocked from the trace.
 */
public final class BedrockReplyGenerator implements ReplyGenerator {

    private static final String TERMINATORS = "。！？!?";

    private final java.util.function.Supplier<BedrockRuntimeClient> client;
    private final BedrockSettings settings;
    private final PromptLibrary prompts;

    public BedrockReplyGenerator(BedrockRuntimeClient client, BedrockSettings settings, PromptLibrary prompts) {
        this(supplied(Objects.requireNonNull(client, "client")), settings, prompts);
    }

    private static java.util.function.Supplier<BedrockRuntimeClient> supplied(BedrockRuntimeClient client) {
        return () -> client;
    }

    /** With a client supplied on first use ({@link AwsClients#lazily}). */
    BedrockReplyGenerator(java.util.function.Supplier<BedrockRuntimeClient> client, BedrockSettings settings, PromptLibrary prompts) {
        this.client = Objects.requireNonNull(client, "client");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.prompts = Objects.requireNonNull(prompts, "prompts");
    }

    /** A generator with its own client: the settings' region, endpoint override and timeout. */
    public static BedrockReplyGenerator create(BedrockSettings settings, PromptLibrary prompts) {
        AwsClients.Lazy<BedrockRuntimeClient> client = AwsClients.lazily(() -> AwsClients.build(
                BedrockRuntimeClient.builder(), settings.region(), settings.endpoint(), settings.timeout()));
        return new BedrockReplyGenerator(client, settings, prompts);
    }

    @Override
    public GeneratedReply generate(ReplyRequest request) {
        ConverseResponse response = client.get().converse(converseRequest(request));
        return new GeneratedReply(replyText(response), ReplySource.BEDROCK);
    }

    ConverseRequest converseRequest(ReplyRequest request) {
        String system = prompts.systemPrompt(request.character(), request.mood(), request.level());
        ConverseRequest.Builder builder = ConverseRequest.builder()
                .modelId(settings.modelId())
                .system(SystemContentBlock.fromText(system))
                .messages(messages(request))
                .inferenceConfig(InferenceConfiguration.builder()
                        .maxTokens(settings.maxTokens())
                        .temperature(settings.temperature())
                        .build())
                .overrideConfiguration(o -> o.apiCallTimeout(settings.timeout()));
        settings.guardrail().ifPresent(g -> builder.guardrailConfig(GuardrailConfiguration.builder()
                .guardrailIdentifier(g.identifier())
                .guardrailVersion(g.version())
                // the trace says what was blocked (policy names, for the log); ENABLED_FULL would add what passed
                .trace(GuardrailTrace.ENABLED)
                .build()));
        return builder.build();
    }

    private static List<Message> messages(ReplyRequest request) {
        List<Message> messages = new ArrayList<>();
        for (Turn turn : request.contextTurns()) {
            messages.add(message(ConversationRole.USER, turn.userMessage()));
            messages.add(message(ConversationRole.ASSISTANT, turn.aiReply()));
        }
        messages.add(message(ConversationRole.USER, request.message()));
        return messages;
    }

    private static Message message(ConversationRole role, String text) {
        return Message.builder().role(role).content(ContentBlock.fromText(text)).build();
    }

    /** The text of the answer; cut back to its last full sentence when the token budget ran out. */
    private static String replyText(ConverseResponse response) {
        if (response.stopReason() == StopReason.GUARDRAIL_INTERVENED) {
            throw intervention(response);
        }
        if (response.output() == null || response.output().message() == null) {
            throw new ReplyGenerationException("Bedrock returned no message");
        }
        String text = response.output().message().content().stream()
                .map(ContentBlock::text)
                .filter(Objects::nonNull)
                .collect(Collectors.joining())
                .strip();
        if (response.stopReason() == StopReason.MAX_TOKENS) {
            text = toLastSentence(text);
        }
        if (text.isBlank()) {
            throw new ReplyGenerationException("Bedrock returned an empty reply");
        }
        return text;
    }

    /** Where the guardrail blocked and which of its policies did, from the trace (names and types only). */
    static GuardrailIntervention intervention(ConverseResponse response) {
        GuardrailTraceAssessment trace = response.trace() == null ? null : response.trace().guardrail();
        if (trace == null) {
            return new GuardrailIntervention("unknown", List.of());
        }
        TreeSet<String> policies = new TreeSet<>();
        boolean input = blocked(trace.hasInputAssessment() ? trace.inputAssessment().values() : List.of(), policies);
        boolean output = blocked(trace.hasOutputAssessments()
                ? trace.outputAssessments().values().stream().flatMap(List::stream).toList() : List.of(), policies);
        String where = input && output ? "input and output" : input ? "input" : output ? "output" : "unknown";
        return new GuardrailIntervention(where, List.copyOf(policies));
    }

    /** Adds the blocked topics and content filters of {@code assessments}; whether anything was blocked. */
    private static boolean blocked(Collection<GuardrailAssessment> assessments, Collection<String> policies) {
        boolean any = false;
        for (GuardrailAssessment a : assessments) {
            if (a.topicPolicy() != null) {
                for (var topic : a.topicPolicy().topics()) {
                    if (topic.action() == GuardrailTopicPolicyAction.BLOCKED) {
                        policies.add("topic " + topic.name());
                        any = true;
                    }
                }
            }
            if (a.contentPolicy() != null) {
                for (var filter : a.contentPolicy().filters()) {
                    if (filter.action() == GuardrailContentPolicyAction.BLOCKED) {
                        policies.add("content " + filter.typeAsString());
                        any = true;
                    }
                }
            }
            // word and sensitive-information findings carry the matched text: never read here (none are configured)
        }
        return any;
    }

    private static String toLastSentence(String text) {
        int end = -1;
        for (int i = 0; i < text.length(); i++) {
            if (TERMINATORS.indexOf(text.charAt(i)) >= 0) {
                end = i;
            }
        }
        return end < 0 ? text : text.substring(0, end + 1);
    }
}
