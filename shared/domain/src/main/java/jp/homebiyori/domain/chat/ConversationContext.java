package jp.homebiyori.domain.chat;

import jp.homebiyori.domain.subscription.Plan;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The model's conversation context of a user (domain.md: the last five turns): the user's words and the
 * reply of the newest exchanges, oldest first. It quotes chats, so it never outlives them: a turn is kept
 * only while its chat would be (its time + the retention of the plan in force, as {@link ChatMessage#ttlFor}),
 * and the stored item expires with its oldest turn ({@link #ttlEpochSeconds}). Stored beside the chats
 * ({@code USER#<id>} / {@code CONTEXT} in the chats table, docs/decisions.md).
 *
 * @param ttlEpochSeconds the stored item's TTL; 0 for a context not stored (yet)
 */
public record ConversationContext(String userId, List<Turn> turns, long ttlEpochSeconds) {

    /** How many exchanges are kept (domain.md: the last 5 turns). */
    public static final int TURNS = 5;

    private static final Comparator<Turn> OLDEST_FIRST = Comparator.comparing(t -> t.at().toInstant());

    public ConversationContext {
        turns = turns == null ? List.of() : turns.stream().sorted(OLDEST_FIRST).toList();
    }

    /** One earlier exchange: the user's words, the (first) reply, and when — the time of its chat. */
    public record Turn(String userMessage, String aiReply, OffsetDateTime at) {

        /** Whether its chat is still kept at {@code now} under {@code plan}. */
        boolean keptAt(Instant now, Plan plan) {
            return ChatMessage.ttlFor(at, plan) > now.getEpochSecond();
        }
    }

    /** The context of a user who has none (or whose context expired). */
    public static ConversationContext empty(String userId) {
        return new ConversationContext(userId, List.of(), 0);
    }

    /**
     * The turns the model may see at {@code now}: none if the stored item has expired (DynamoDB deletes
     * lazily, the local stand-in never), else those whose chats the plan in force still keeps.
     */
    public List<Turn> live(Instant now, Plan plan) {
        if (ttlEpochSeconds != 0 && ttlEpochSeconds <= now.getEpochSecond()) {
            return List.of();
        }
        return turns.stream().filter(t -> t.keptAt(now, plan)).toList();
    }

    /** What to store after one more exchange: the live turns and {@code turn}, the newest {@link #TURNS}. */
    public ConversationContext with(Turn turn, Instant now, Plan plan) {
        List<Turn> kept = new ArrayList<>(live(now, plan));
        kept.add(turn);
        kept.sort(OLDEST_FIRST);
        return of(kept.subList(Math.max(0, kept.size() - TURNS), kept.size()), plan);
    }

    /** The context rewritten for the plan now in force (a plan change): the live turns and their TTL. */
    public ConversationContext retainedFor(Plan plan, Instant now) {
        return of(live(now, plan), plan);
    }

    public boolean isEmpty() {
        return turns.isEmpty();
    }

    /** {@code kept} oldest first; the oldest turn's chat expires first, and the item with it. */
    private ConversationContext of(List<Turn> kept, Plan plan) {
        return new ConversationContext(userId, kept, kept.isEmpty() ? 0 : ChatMessage.ttlFor(kept.get(0).at(), plan));
    }
}
