package jp.homebiyori.domain.subscription;

import java.util.Arrays;
import java.util.Optional;

/** The plans: free; monthly ¥580; yearly ¥5,800. Premium gives group chat, deep mode, 180-day retention. */
public enum Plan {
    FREE("free", 30, 0),
    MONTHLY("monthly", 180, 580),
    YEARLY("yearly", 180, 5800);

    private final String id;
    private final int chatRetentionDays;
    private final int priceYen;

    Plan(String id, int chatRetentionDays, int priceYen) {
        this.id = id;
        this.chatRetentionDays = chatRetentionDays;
        this.priceYen = priceYen;
    }

    public String id() {
        return id;
    }

    public boolean isPremium() {
        return this != FREE;
    }

    /** How long chats are kept: free 30 days, premium 180 days. */
    public int chatRetentionDays() {
        return chatRetentionDays;
    }

    public int priceYen() {
        return priceYen;
    }

    public static Optional<Plan> fromId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }
}
