package jp.homebiyori.bench;

import jp.homebiyori.domain.character.AiCharacter;
import jp.homebiyori.domain.character.Emotion;
import jp.homebiyori.domain.character.Mood;
import jp.homebiyori.domain.character.PraiseLevel;
import jp.homebiyori.domain.chat.ChatMessage;
import jp.homebiyori.domain.chat.ChatRepository;
import jp.homebiyori.domain.subscription.Plan;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Seeds chats of one user through the real {@link ChatRepository#save} (so the items have exactly the
 * stored shape), in parallel on a fixed number of threads, spread evenly over the last {@code days} days
 * with the TTL of {@code plan}.
 */
final class ChatSeeder {

    private static final String MESSAGE = "今日はごはんを作って、洗濯もして、子どもを寝かしつけました。";
    private static final String REPLY = "毎日の家事と育児、本当におつかれさまです。ごはんも洗濯も寝かしつけも、ちゃんとやり遂げたあなたは素敵です。";

    private ChatSeeder() {
    }

    /** Saves {@code count} chats; returns the wall time. */
    static Duration seed(ChatRepository chats, String userId, int count, int threads, Plan plan, OffsetDateTime now, int days)
            throws InterruptedException {
        long spanMillis = Duration.ofDays(days).toMillis();
        OffsetDateTime oldest = now.minusDays(days);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> workers = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        OffsetDateTime at = oldest.plusNanos(spanMillis * i / count * 1_000_000L);
                        chats.save(chat(userId, at, plan));
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                try {
                    worker.get(30, TimeUnit.MINUTES);
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    throw new IllegalStateException("seeding failed", e);
                }
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static ChatMessage chat(String userId, OffsetDateTime at, Plan plan) {
        return new ChatMessage(userId, UUID.randomUUID().toString(), ChatMessage.ChatType.INDIVIDUAL, MESSAGE,
                List.of(new ChatMessage.CharacterReply(AiCharacter.TAMA, REPLY)), AiCharacter.TAMA, Mood.PRAISE,
                PraiseLevel.NORMAL, Emotion.ACCOMPLISHMENT, false, MESSAGE.length(), 2, plan, at, ChatMessage.ttlFor(at, plan));
    }
}
