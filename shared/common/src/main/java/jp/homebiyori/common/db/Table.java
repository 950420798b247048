package jp.homebiyori.common.db;

/**
 * The tables of the backend, defined once: used to create them (local stack, tests) and by every
 * repository. Keys are always {@code PK}/{@code SK} (strings); tables with a second access path have
 * GSI1 ({@code GSI1PK}/{@code GSI1SK}); tables whose items expire carry the epoch-seconds attribute
 * {@code TTL}. The seven tables of domain.md plus {@code system} (items that belong to no user:
 * processed webhook events, daily statistics) — see docs/decisions.md.
 */
public enum Table {
    USERS("users", false, false),
    SUBSCRIPTIONS("subscriptions", true, false),
    TREES("trees", false, false),
    FRUITS("fruits", true, false),
    CHATS("chats", true, true),
    NOTIFICATIONS("notifications", true, true),
    FEEDBACK("feedback", true, false),
    SYSTEM("system", false, true);

    public static final String PK = "PK";
    public static final String SK = "SK";
    public static final String GSI1 = "GSI1";
    public static final String GSI1PK = "GSI1PK";
    public static final String GSI1SK = "GSI1SK";
    public static final String TTL = "TTL";

    private final String shortName;
    private final boolean hasGsi1;
    private final boolean hasTtl;

    Table(String shortName, boolean hasGsi1, boolean hasTtl) {
        this.shortName = shortName;
        this.hasGsi1 = hasGsi1;
        this.hasTtl = hasTtl;
    }

    public String shortName() {
        return shortName;
    }

    public boolean hasGsi1() {
        return hasGsi1;
    }

    public boolean hasTtl() {
        return hasTtl;
    }
}
