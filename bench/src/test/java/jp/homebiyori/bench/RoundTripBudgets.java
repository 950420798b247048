package jp.homebiyori.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The recorded DynamoDB round-trip budget of each measured request (operation id and variant), beside
 * the minimum the data model allows and why. Budgets are the measured values of 2026-11-26.
 */
final class RoundTripBudgets {

    /** At most {@code max} calls; {@code minimum} is what the tables' keys and indexes allow. */
    record Budget(int max, int minimum, String note) {
    }

    private static final Map<String, Budget> BUDGETS = new LinkedHashMap<>();

    private static void budget(String label, int max, int minimum, String note) {
        BUDGETS.put(label, new Budget(max, minimum, note));
    }

    static {
        budget("getOnboardingStatus (new user: creates the profile)", 4, 3,
                "GetItem finds nothing, GetItem of the deleted-account marker (a token of a deleted account must not recreate it), conditional PutItem, counter; the two reads could be one BatchGetItem");
        budget("completeOnboarding (first time)", 5, 2,
                "wasteful: ensure's GetItem, a second UpdateItem just for onboarding_completed, and a final GetItem re-reading what the update returned (ALL_NEW); one UpdateItem + the counter suffice");
        budget("sendMessage (grows the day's fruit)", 7, 6,
                "the fruit counter is a second UpdateItem on the same STATS#DAY item as the message counter; one ADD could do both");
        budget("createCheckoutSession (free user, first checkout: creates the Stripe customer)", 2, 2,
                "premium check + attaching the new customer id");
        budget("handleStripeWebhook (subscription created: free -> monthly)", 8, 5,
                "includes the notification the internal API stores in the same request (guard PutItem + PutItem); the three GetItems (event mark, subscription, profile) could be one BatchGetItem");
        budget("handleStripeWebhook (duplicate delivery)", 1, 1, "the processed-event mark");
        budget("getHealth", 0, 0, "no DynamoDB");
        budget("getWebhookHealth", 0, 0, "no DynamoDB");
        budget("getOnboardingStatus (onboarded user)", 1, 1, "");
        budget("getProfile", 1, 1, "");
        budget("updateProfile (character)", 1, 1, "UpdateItem with ALL_NEW");
        budget("updateNickname", 1, 1, "UpdateItem with ALL_NEW");
        budget("sendMessage (no fruit)", 4, 4,
                "context BatchGetItem (profile, subscription, tree), tree ADD, chat PutItem, day counter (docs/decisions.md)");
        budget("sendMessage (moving, but today's fruit already grew)", 4, 4, "the tree's last_fruit_date spares the claim");
        budget("sendMessage (group chat, premium)", 4, 4, "three replies, one stored chat");
        budget("sendEmotionStamp", 4, 4, "as a message");
        budget("updateMood", 1, 1, "");
        budget("getChatHistory (first page)", 1, 1, "one Query while the page fills");
        budget("getTreeStatus", 3, 2,
                "the tree's GetItem and the profile's GetItem (theme character) could be one BatchGetItem; + the newest-fruits Query");
        budget("listFruits", 1, 1, "");
        budget("viewFruit", 2, 2, "GSI1 lookup by fruit id (the key sorts by time), then the view counter");
        budget("getUnreadCount", 1, 1, "Select COUNT; one page per 1 MB of the user's notifications");
        budget("listNotifications", 1, 1, "");
        budget("markNotificationRead", 2, 2, "GSI1 lookup by id, then UpdateItem");
        budget("getSubscription", 1, 1, "");
        budget("getPortalSession", 1, 1, "customer id; the portal link comes from Stripe");
        budget("cancelSubscription", 5, 5,
                "subscription GetItem, the feedback's reference in the user's partition + the feedback PutItem, the subscription PutItem (returning what it replaced, which also answers), counter");
        budget("reactivateSubscription", 3, 3, "GetItem, PutItem returning what it replaced, counter");
        budget("deleteAccount (premium user: 10 chats, 1 fruit, 1 notification, 2 feedback items)", 24, 10,
                "grows with the user's data only (the feedback is found through its references, no Scan since 2026-11-26): "
                        + "a Query per table even for the single-item partitions (tree, subscription, profile), one BatchWriteItem "
                        + "per table instead of 25 keys across tables, the deleted-account marker, and 8 UpdateItems on the "
                        + "active-user sets of the last 8 days whether or not the user was active");
    }

    private RoundTripBudgets() {
    }

    static Budget of(String label) {
        Budget budget = BUDGETS.get(label);
        if (budget == null) {
            throw new AssertionError("no DynamoDB budget recorded for " + label + " in RoundTripBudgets");
        }
        return budget;
    }

    /** The measured requests as a Markdown table. */
    static String table(List<DynamoRoundTripBudgetTest.Measured> measured) {
        StringBuilder out = new StringBuilder();
        out.append("| operation (variant) | calls | budget | minimum | calls made | note |\n");
        out.append("|---|---|---|---|---|---|\n");
        for (DynamoRoundTripBudgetTest.Measured m : measured) {
            Budget b = BUDGETS.get(m.label());
            out.append("| ").append(m.label()).append(" | ").append(m.calls().size()).append(" | ")
                    .append(b == null ? "—" : b.max()).append(" | ").append(b == null ? "—" : b.minimum()).append(" | ")
                    .append(summary(m.calls())).append(" | ").append(b == null ? "" : b.note()).append(" |\n");
        }
        return out.toString();
    }

    private static String summary(List<String> calls) {
        Map<String, Long> counts = calls.stream().collect(Collectors.groupingBy(c -> c, TreeMap::new, Collectors.counting()));
        return counts.isEmpty() ? "none" : counts.entrySet().stream()
                .map(e -> e.getValue() == 1 ? e.getKey() : e.getValue() + "× " + e.getKey()).collect(Collectors.joining(", "));
    }
}
