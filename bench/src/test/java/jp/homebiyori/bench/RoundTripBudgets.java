package jp.homebiyori.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The recorded DynamoDB round-trip budget of each measured request (operation id and variant), beside
 * the minimum the data model allows and why. Budgets are the measured values. Every user-pool operation
 * pays one consistent GetItem for the deleted-account check (DeletedAccountFilter, docs/decisions.md),
 * except the chat sends, whose context BatchGetItem carries the marker, and the deletion, which is exempt;
 * a minimum counts that read as folded into a GetItem the operation makes anyway (a BatchGetItem), never
 * into a write or a Query, which cannot carry another key.
 */
final class RoundTripBudgets {

    /** At most {@code max} calls; {@code minimum} is what the tables' keys and indexes allow. */
    record Budget(int max, int minimum, String note) {
    }

    private static final Map<String, Budget> BUDGETS = new LinkedHashMap<>();
    /** The read every user-pool operation but the chat sends and the deletion makes first. */
    private static final String CHECK = "the deleted-account check's GetItem";

    private static void budget(String label, int max, int minimum, String note) {
        BUDGETS.put(label, new Budget(max, minimum, note));
    }

    static {
        budget("getOnboardingStatus (new user: creates the profile)", 4, 3,
                CHECK + ", GetItem finds nothing, conditional PutItem, counter; the two reads could be one BatchGetItem");
        budget("completeOnboarding (first time)", 6, 3,
                "wasteful: ensure's GetItem, a second UpdateItem just for onboarding_completed, and a final GetItem re-reading what the update returned (ALL_NEW); " + CHECK + " + one UpdateItem + the counter suffice");
        budget("sendMessage (grows the day's fruit)", 7, 6,
                "the fruit counter is a second UpdateItem on the same STATS#DAY item as the message counter; one ADD could do both");
        budget("createCheckoutSession (free user, first checkout: creates the Stripe customer)", 3, 2,
                CHECK + ", premium check, attaching the new customer id; the two reads could be one BatchGetItem");
        budget("handleStripeWebhook (subscription created: free -> monthly)", 8, 5,
                "includes the notification the internal API stores in the same request (guard PutItem + PutItem); the three GetItems (event mark, subscription, profile) could be one BatchGetItem");
        budget("handleStripeWebhook (duplicate delivery)", 1, 1, "the processed-event mark");
        budget("getHealth", 0, 0, "no DynamoDB");
        budget("getWebhookHealth", 0, 0, "no DynamoDB");
        budget("getOnboardingStatus (onboarded user)", 2, 1, CHECK + " + the profile's GetItem; could be one BatchGetItem");
        budget("getProfile", 2, 1, CHECK + " + the profile's GetItem; could be one BatchGetItem");
        budget("updateProfile (character)", 2, 2, CHECK + " + UpdateItem with ALL_NEW");
        budget("updateNickname", 2, 2, CHECK + " + UpdateItem with ALL_NEW");
        budget("sendMessage (no fruit)", 4, 4,
                "context BatchGetItem (profile, subscription, tree, conversation context and the deleted-account marker), tree ADD, chat + conversation context in one BatchWriteItem, day counter (docs/decisions.md)");
        budget("sendMessage (moving, but today's fruit already grew)", 4, 4, "the tree's last_fruit_date spares the claim");
        budget("sendMessage (group chat, premium)", 4, 4, "three replies, one stored chat");
        budget("sendEmotionStamp", 4, 4, "as a message, but a stamp leaves the conversation context as it was (chat PutItem alone)");
        budget("updateMood", 2, 2, CHECK + " + UpdateItem");
        budget("getChatHistory (first page)", 2, 2, CHECK + " + one Query while the page fills");
        budget("getTreeStatus", 4, 2,
                CHECK + ", the tree's GetItem and the profile's GetItem (theme character) could be one BatchGetItem; + the newest-fruits Query");
        budget("listFruits", 2, 2, CHECK + " + Query");
        budget("viewFruit", 3, 3, CHECK + ", GSI1 lookup by fruit id (the key sorts by time), then the view counter");
        budget("getUnreadCount", 2, 2, CHECK + " + Select COUNT; one page per 1 MB of the user's notifications");
        budget("listNotifications", 2, 2, CHECK + " + Query");
        budget("markNotificationRead", 3, 3, CHECK + ", GSI1 lookup by id, then UpdateItem");
        budget("getSubscription", 2, 1, CHECK + " + the subscription's GetItem; could be one BatchGetItem");
        budget("getPortalSession", 2, 1, CHECK + " + the customer id's GetItem (could be one BatchGetItem); the portal link comes from Stripe");
        budget("cancelSubscription", 6, 5,
                CHECK + ", subscription GetItem (the two could be one BatchGetItem), the feedback's reference in the user's partition + the feedback PutItem, the subscription PutItem (returning what it replaced, which also answers), counter");
        budget("reactivateSubscription", 4, 3, CHECK + ", GetItem (could be one BatchGetItem), PutItem returning what it replaced, counter");
        budget("deleteAccount (premium user: 10 chats, 1 fruit, 1 notification, 2 feedback items)", 24, 10,
                "grows with the user's data only (the feedback is found through its references, no Scan since 2026-11-26): "
                        + "a Query per table even for the single-item partitions (tree, subscription, profile), one BatchWriteItem "
                        + "per table instead of 25 keys across tables, the deleted-account marker's PutItem (the deletion itself "
                        + "makes no deleted-account check), and 8 UpdateItems on the "
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
