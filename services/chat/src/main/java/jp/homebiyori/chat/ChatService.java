package jp.homebiyori.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.homebiyori.ai.AiReplies;
import jp.homebiyori.ai.AiResult;
import jp.homebiyori.ai.Turn;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.domain.character.AiCharacter;
import jp.homebiyori.domain.character.EmotionStamp;
import jp.homebiyori.domain.character.Mood;
import jp.homebiyori.domain.character.PraiseLevel;
import jp.homebiyori.domain.chat.ChatContextReader;
import jp.homebiyori.domain.chat.ChatContextReader.ChatContext;
import jp.homebiyori.domain.chat.ChatMessage;
import jp.homebiyori.domain.chat.ChatMessage.CharacterReply;
import jp.homebiyori.domain.chat.ChatMessage.ChatType;
import jp.homebiyori.domain.chat.ChatRepository;
import jp.homebiyori.domain.chat.ConversationContext;
import jp.homebiyori.domain.stats.StatsRepository;
import jp.homebiyori.domain.subscription.Plan;
import jp.homebiyori.domain.tree.Fruit;
import jp.homebiyori.domain.tree.GrowthStagesSource;
import jp.homebiyori.domain.tree.Tree;
import jp.homebiyori.domain.tree.TreeRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Sending a message: read the user's state (one batch, with the conversation context), resolve
 * character/mood/level and premium gating, get the replies from the AI layer (the context's turns whose
 * chats are still kept), grow the tree (atomic ADD), store the chat with the TTL of the plan together
 * with the context that now ends in it, and — if the message moved its writer and no fruit grew today —
 * grow the day's fruit. Four DynamoDB calls when no fruit grows.
 */
@ApplicationScoped
public class ChatService {

    private static final Logger LOG = Logger.getLogger(ChatService.class.getName());

    private final ChatContextReader contexts;
    private final ChatRepository chats;
    private final TreeRepository trees;
    private final FruitGrower fruits;
    private final StatsRepository stats;
    private final GrowthStagesSource stages;
    private final AiReplies ai;
    private final JstClock clock;

    @Inject
    public ChatService(ChatContextReader contexts, ChatRepository chats, TreeRepository trees, FruitGrower fruits,
                       StatsRepository stats, GrowthStagesSource stages, AiReplies ai, JstClock clock) {
        this.contexts = contexts;
        this.chats = chats;
        this.trees = trees;
        this.fruits = fruits;
        this.stats = stats;
        this.stages = stages;
        this.ai = ai;
        this.clock = clock;
    }

    /** What a message produced. */
    public record Sent(ChatMessage chat, List<AiResult> results, Optional<Fruit> fruit, int previousStage,
                       int currentStage, Tree tree) {
    }

    public Sent send(String userId, String message, AiCharacter character, Mood mood, PraiseLevel level, ChatType type) {
        String text = message.strip();
        if (text.isEmpty()) {
            throw jp.homebiyori.common.error.ApiException.validation("message", "blank", "message must not be blank");
        }
        OffsetDateTime now = clock.now();
        ChatContext context = contexts.read(userId);
        Plan plan = context.subscription().effectivePlan(now.toInstant());
        ChatSettings settings = ChatSettings.resolve(context.profile(), plan, character, mood, level, type);
        // only turns whose chats the plan in force still keeps (the stored item may not be deleted yet)
        List<Turn> history = context.conversation().live(now.toInstant(), plan).stream()
                .map(t -> new Turn(t.userMessage(), t.aiReply())).toList();
        List<AiResult> results = new ArrayList<>();
        for (AiCharacter answering : settings.characters()) {
            results.add(ai.reply(answering, settings.mood(), settings.level(), text, history));
        }
        AiResult first = results.get(0);
        int characters = text.codePointCount(0, text.length());
        Tree after = trees.recordMessage(userId, characters, clock.today(), now);
        Optional<Fruit> fruit = first.fruitAllowed() && first.emotion().primary().isPresent()
                ? fruits.tryGrow(userId, text, first, settings.character(), context.tree().lastFruitDate(), now)
                : Optional.empty();
        int currentStage = stages.current().stageFor(after.totalCharacters());
        int previousStage = stages.current().stageFor(after.totalCharacters() - characters);
        ChatMessage chat = chatOf(userId, settings, text, results, fruit.isPresent(), characters, currentStage, plan, now);
        // the chat and the context that now quotes it, in one write; expired turns leave the context here
        chats.save(chat, context.conversation().with(new ConversationContext.Turn(text, first.text(), now), now.toInstant(), plan));
        stats.messageSent(userId, clock.today());
        LOG.info("chat stored for user " + userId + ": type=" + settings.type().id() + " source=" + first.source()
                + " fruit=" + fruit.isPresent());
        return new Sent(chat, results, fruit, previousStage, currentStage, after);
    }

    /** A lone emotion stamp: an empathetic reply, stored like a message, counted as one (no characters, no fruit). */
    public Sent sendStamp(String userId, EmotionStamp stamp, AiCharacter character) {
        OffsetDateTime now = clock.now();
        ChatContext context = contexts.read(userId);
        Plan plan = context.subscription().effectivePlan(now.toInstant());
        ChatSettings settings = ChatSettings.resolve(context.profile(), plan, character, null, null, ChatType.EMOTION_STAMP);
        AiResult result = ai.replyToStamp(settings.character(), stamp);
        Tree after = trees.recordMessage(userId, 0, clock.today(), now);
        int stage = stages.current().stageFor(after.totalCharacters());
        ChatMessage chat = chatOf(userId, settings, stamp.emoji(), List.of(result), false, 0, stage, plan, now);
        chats.save(chat);
        stats.messageSent(userId, clock.today());
        return new Sent(chat, List.of(result), Optional.empty(), stage, stage, after);
    }

    private static ChatMessage chatOf(String userId, ChatSettings settings, String text, List<AiResult> results, boolean fruit,
                                      int characters, int stage, Plan plan, OffsetDateTime now) {
        List<CharacterReply> replies = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            replies.add(new CharacterReply(settings.characters().get(i), results.get(i).text()));
        }
        ChatMessage chat = new ChatMessage(userId, UUID.randomUUID().toString(), settings.type(), text, replies,
                settings.character(), settings.mood(), settings.level(), results.get(0).emotion().primary().orElse(null),
                fruit, characters, stage, plan, now, ChatMessage.ttlFor(now, plan));
        return chat;
    }

    /** Newest first; a date range is a range of JST days, both ends inclusive. */
    public jp.homebiyori.common.db.Page<ChatMessage> history(String userId, int limit, String nextToken, AiCharacter character,
                                                            LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw jp.homebiyori.common.error.ApiException.validation("end_date", "after_start", "end_date must not be before start_date");
        }
        Instant now = clock.instant();
        return chats.history(userId, limit, nextToken, character,
                from == null ? null : JstClock.toJst(JstClock.startOf(from)),
                to == null ? null : JstClock.toJst(JstClock.startOf(to.plusDays(1))), now);
    }
}
