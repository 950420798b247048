package jp.homebiyori.testkit.stripe;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One customer's subscriptions over time as Stripe lives them, like Stripe's test clocks: each step
 * changes the true state and emits the events Stripe emits for it, in Stripe's shapes (API version
 * 2025-08-27.basil: the period on the subscription item, {@code previous_attributes} on updates, invoices
 * naming their subscription under {@code parent.subscription_details}) and with Stripe's {@code created}
 * times. Stripe renews and ends a subscription <em>at</em> its period end, so those events are created at
 * or just after the period end; the renewal's invoice is paid about an hour later.
 *
 * <p>Time only moves forward: {@link #advanceTo} runs every period end up to an instant (renewals, the
 * end of a scheduled cancellation, a failing renewal and its retries). {@link #stateAt} answers what
 * Stripe's API would return at an instant (the subscription retrieve of a webhook that asks). What the
 * backend should end with is {@link #current()}; {@link #states()} is every state it went through.
 */
public final class StripeLifecycle {

    /** An event as Stripe sends it: its id, type, creation second and the whole JSON body. */
    public record Event(String id, String type, long created, String json) {
        @Override
        public String toString() {
            return created + " " + type + " " + id;
        }
    }

    /** Stripe's view of the subscription at a moment ({@code status} is Stripe's own, never cancel_scheduled). */
    public record State(String subscriptionId, String plan, String status, boolean cancelAtPeriodEnd,
                        long periodStart, long periodEnd, long at) {

        /** A status in which Stripe gives the plan's service (what the backend calls entitled). */
        public boolean entitled() {
            return switch (status) {
                case "active", "trialing", "past_due" -> true;
                default -> false;
            };
        }

        /** The plan in force in this state: its plan if entitled, otherwise free. */
        public String planInForce() {
            return entitled() ? plan : "free";
        }

        public boolean live() {
            return !"canceled".equals(status) && !"incomplete_expired".equals(status);
        }
    }

    /** How a failing renewal ends: paid on a retry, or Stripe gives up and leaves it unpaid or cancels it. */
    public enum Dunning { RECOVERS, UNPAID, CANCELED }

    private static final long HOUR = 3600;
    private static final long DAY = 86400;

    private final String userId;
    private final String customerId;
    private final String monthlyPrice;
    private final String yearlyPrice;
    private final List<State> states = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private long now;
    private int subscriptions;
    private int eventCount;
    private int invoiceCount;
    private int renewals;
    /** The billing anchor of the current subscription: period n ends at anchor + n intervals. */
    private ZonedDateTime anchor;
    private int periodsPaid;
    private Dunning nextRenewalFails;
    private long dunningEnds;
    private Dunning dunning;

    public StripeLifecycle(String userId, String customerId, String monthlyPrice, String yearlyPrice, long start) {
        this.userId = userId;
        this.customerId = customerId;
        this.monthlyPrice = monthlyPrice;
        this.yearlyPrice = yearlyPrice;
        this.now = start;
    }

    public String userId() {
        return userId;
    }

    public String customerId() {
        return customerId;
    }

    public long now() {
        return now;
    }

    /** Every event emitted so far, in creation order. */
    public List<Event> events() {
        return List.copyOf(events);
    }

    /** How many period ends renewed the subscription (paid or not). */
    public int renewals() {
        return renewals;
    }

    /** Every state the subscription went through, in time order. */
    public List<State> states() {
        return List.copyOf(states);
    }

    /** The state now (empty before the first subscription). */
    public Optional<State> current() {
        return states.isEmpty() ? Optional.empty() : Optional.of(states.get(states.size() - 1));
    }

    /** What Stripe's API answers at {@code instant}: the latest state at or before it. */
    public Optional<State> stateAt(long instant) {
        State found = null;
        for (State s : states) {
            if (s.at() <= instant) {
                found = s;
            }
        }
        return Optional.ofNullable(found);
    }

    /** What Stripe's API answers for one subscription at {@code instant}. */
    public Optional<State> stateAt(long instant, String subscriptionId) {
        State found = null;
        for (State s : states) {
            if (s.at() <= instant && s.subscriptionId().equals(subscriptionId)) {
                found = s;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Every subscription id so far. */
    public java.util.Set<String> subscriptionIds() {
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        states.forEach(s -> ids.add(s.subscriptionId()));
        return ids;
    }

    /** Whether a subscription is live (not ended), so steps that need one apply. */
    public boolean hasLiveSubscription() {
        return current().filter(State::live).isPresent();
    }

    // ---- steps -------------------------------------------------------------------------------------

    /**
     * Checkout completes at {@code at}: a new subscription. With {@code trialDays} > 0 it starts trialing;
     * with {@code incompleteFirst} it is created incomplete and becomes active in the same second once
     * the first invoice is paid (what Checkout does when the payment confirms after the subscription exists).
     */
    public void subscribe(long at, String plan, int trialDays, boolean incompleteFirst) {
        moveTo(at);
        if (hasLiveSubscription()) {
            throw new IllegalStateException("already subscribed");
        }
        subscriptions++;
        String id = "sub_" + userId.replaceAll("[^A-Za-z0-9]", "") + "_" + subscriptions;
        anchor = Instant.ofEpochSecond(at).atZone(ZoneOffset.UTC);
        periodsPaid = 0;
        dunning = null;
        if (trialDays > 0) {
            long trialEnd = at + trialDays * DAY;
            anchor = Instant.ofEpochSecond(trialEnd).atZone(ZoneOffset.UTC);
            periodsPaid = -1;
            State trialing = new State(id, plan, "trialing", false, at, trialEnd, at);
            record(trialing);
            emit("customer.subscription.created", at, subscriptionJson(trialing), null);
            return;
        }
        State first = new State(id, plan, "active", false, at, periodEnd(plan, 1), at);
        if (incompleteFirst) {
            State incomplete = new State(id, plan, "incomplete", false, at, first.periodEnd(), at);
            record(incomplete);
            emit("customer.subscription.created", at, subscriptionJson(incomplete), null);
            invoice("invoice.paid", at, first, "subscription_create");
            invoice("invoice.payment_succeeded", at, first, "subscription_create");
            record(first);
            emit("customer.subscription.updated", at, subscriptionJson(first), "{\"status\":\"incomplete\"}");
        } else {
            record(first);
            emit("customer.subscription.created", at, subscriptionJson(first), null);
            invoice("invoice.paid", at, first, "subscription_create");
            invoice("invoice.payment_succeeded", at, first, "subscription_create");
        }
        periodsPaid = 1;
    }

    /** The customer switches monthly↔yearly in the portal: a new billing cycle starts now, prorated. */
    public void switchPlan(long at, String plan) {
        moveTo(at);
        State s = requireLive();
        if (s.plan().equals(plan) || !s.status().equals("active")) {
            return;
        }
        anchor = Instant.ofEpochSecond(at).atZone(ZoneOffset.UTC);
        periodsPaid = 1;
        State switched = new State(s.subscriptionId(), plan, "active", s.cancelAtPeriodEnd(), at, periodEnd(plan, 1), at);
        record(switched);
        emit("customer.subscription.updated", at, subscriptionJson(switched),
                "{\"items\":" + itemsJson(s) + ",\"current_period_start\":" + s.periodStart() + ",\"current_period_end\":" + s.periodEnd() + "}");
        invoice("invoice.paid", at, switched, "subscription_update");
        invoice("invoice.payment_succeeded", at, switched, "subscription_update");
    }

    /** Cancel at period end (the app's own flow calls Stripe for it): premium lasts to the period end. */
    public void scheduleCancel(long at) {
        setCancelAtPeriodEnd(at, true);
    }

    /** Undo a scheduled cancellation before the period ends. */
    public void reactivate(long at) {
        setCancelAtPeriodEnd(at, false);
    }

    private void setCancelAtPeriodEnd(long at, boolean cancel) {
        moveTo(at);
        State s = requireLive();
        if (s.cancelAtPeriodEnd() == cancel) {
            return;
        }
        State changed = new State(s.subscriptionId(), s.plan(), s.status(), cancel, s.periodStart(), s.periodEnd(), at);
        record(changed);
        emit("customer.subscription.updated", at, subscriptionJson(changed), "{\"cancel_at_period_end\":" + !cancel + "}");
    }

    /** Ends the subscription at once (support, or account deletion): {@code customer.subscription.deleted}. */
    public void cancelNow(long at) {
        moveTo(at);
        State s = requireLive();
        end(s, at);
    }

    /** The next renewal's payment fails, and the dunning ends as {@code outcome} (Stripe retries for about two weeks). */
    public void failNextRenewal(Dunning outcome) {
        nextRenewalFails = outcome;
    }

    /** An unpaid subscription is paid by hand: active again, a new period from now. */
    public void payUnpaid(long at) {
        moveTo(at);
        State s = requireLive();
        if (!s.status().equals("unpaid")) {
            return;
        }
        anchor = Instant.ofEpochSecond(at).atZone(ZoneOffset.UTC);
        periodsPaid = 1;
        State active = new State(s.subscriptionId(), s.plan(), "active", s.cancelAtPeriodEnd(), at, periodEnd(s.plan(), 1), at);
        invoice("invoice.paid", at, active, "manual");
        invoice("invoice.payment_succeeded", at, active, "manual");
        record(active);
        emit("customer.subscription.updated", at, subscriptionJson(active), "{\"status\":\"unpaid\"}");
    }

    /** Lets time pass to {@code instant}: every period end, trial end and dunning step before it happens. */
    public void advanceTo(long instant) {
        while (true) {
            Optional<State> live = current().filter(State::live);
            if (live.isEmpty()) {
                break;
            }
            State s = live.get();
            long next;
            if (dunning != null) {
                next = dunningEnds;
            } else if (s.status().equals("unpaid") || s.status().equals("incomplete")) {
                break;
            } else {
                next = s.periodEnd();
            }
            // a period end is reported a second after it: time stops at instant, so no state is later than it
            long reportedAt = dunning != null ? next : next + 1;
            if (reportedAt > instant) {
                break;
            }
            now = Math.max(now, next);
            if (dunning != null) {
                finishDunning(s, next);
            } else {
                periodEnd(s, next);
            }
        }
        now = Math.max(now, instant);
    }

    private void periodEnd(State s, long end) {
        if (s.cancelAtPeriodEnd()) {
            // Stripe ends it at the period end and reports it just after
            end(s, end + 1);
            return;
        }
        long renewedAt = end + 1;
        renewals++;
        periodsPaid = periodsPaid + 1;
        long newEnd = periodEnd(s.plan(), periodsPaid);
        if (periodsPaid == 0) {
            // the trial ended: the first paid period starts at the anchor (the trial end)
            periodsPaid = 1;
            newEnd = periodEnd(s.plan(), 1);
        }
        if (nextRenewalFails != null) {
            dunning = nextRenewalFails;
            nextRenewalFails = null;
            dunningEnds = renewedAt + 14 * DAY;
            State pastDue = new State(s.subscriptionId(), s.plan(), "past_due", false, end, newEnd, renewedAt);
            record(pastDue);
            emit("customer.subscription.updated", renewedAt, subscriptionJson(pastDue),
                    "{\"status\":\"" + s.status() + "\",\"current_period_start\":" + s.periodStart() + "}");
            invoice("invoice.payment_failed", renewedAt + HOUR, pastDue, "subscription_cycle");
            invoice("invoice.payment_failed", renewedAt + 3 * DAY, pastDue, "subscription_cycle");
            return;
        }
        State renewed = new State(s.subscriptionId(), s.plan(), "active", false, end, newEnd, renewedAt);
        record(renewed);
        emit("customer.subscription.updated", renewedAt, subscriptionJson(renewed),
                "{\"status\":\"" + s.status() + "\",\"current_period_start\":" + s.periodStart() + ",\"current_period_end\":" + s.periodEnd() + "}");
        invoice("invoice.paid", renewedAt + HOUR, renewed, "subscription_cycle");
        invoice("invoice.payment_succeeded", renewedAt + HOUR, renewed, "subscription_cycle");
    }

    private void finishDunning(State s, long at) {
        Dunning outcome = dunning;
        dunning = null;
        switch (outcome) {
            case RECOVERS -> {
                State active = new State(s.subscriptionId(), s.plan(), "active", s.cancelAtPeriodEnd(), s.periodStart(), s.periodEnd(), at);
                invoice("invoice.paid", at, active, "subscription_cycle");
                invoice("invoice.payment_succeeded", at, active, "subscription_cycle");
                record(active);
                emit("customer.subscription.updated", at, subscriptionJson(active), "{\"status\":\"past_due\"}");
            }
            case UNPAID -> {
                State unpaid = new State(s.subscriptionId(), s.plan(), "unpaid", s.cancelAtPeriodEnd(), s.periodStart(), s.periodEnd(), at);
                record(unpaid);
                emit("customer.subscription.updated", at, subscriptionJson(unpaid), "{\"status\":\"past_due\"}");
            }
            case CANCELED -> end(s, at);
        }
    }

    private void end(State s, long at) {
        State ended = new State(s.subscriptionId(), s.plan(), "canceled", s.cancelAtPeriodEnd(), s.periodStart(), s.periodEnd(), at);
        dunning = null;
        nextRenewalFails = null;
        record(ended);
        emit("customer.subscription.deleted", at, subscriptionJson(ended), null);
    }

    // ---- shapes ------------------------------------------------------------------------------------

    private void moveTo(long at) {
        if (at < now) {
            throw new IllegalArgumentException("time moves forward only: " + at + " < " + now);
        }
        advanceTo(at);
    }

    private State requireLive() {
        return current().filter(State::live).orElseThrow(() -> new IllegalStateException("no live subscription"));
    }

    private long periodEnd(String plan, int periods) {
        return (plan.equals("yearly") ? anchor.plusYears(periods) : anchor.plusMonths(periods)).toEpochSecond();
    }

    private void record(State state) {
        states.add(state);
    }

    private String price(String plan) {
        return plan.equals("yearly") ? yearlyPrice : monthlyPrice;
    }

    private String itemsJson(State s) {
        return """
                {"object":"list","data":[{"id":"si_%s","object":"subscription_item","quantity":1,\
                "current_period_start":%d,"current_period_end":%d,\
                "price":{"id":"%s","object":"price","currency":"jpy","unit_amount":%d,\
                "recurring":{"interval":"%s","interval_count":1}}}]}"""
                .formatted(s.subscriptionId().substring(4), s.periodStart(), s.periodEnd(), price(s.plan()),
                        s.plan().equals("yearly") ? 5800 : 580, s.plan().equals("yearly") ? "year" : "month");
    }

    /** The subscription object as Stripe's API and events show it. */
    public String subscriptionJson(State s) {
        boolean ended = !s.live();
        return """
                {"id":"%s","object":"subscription","customer":"%s","status":"%s","cancel_at_period_end":%s,\
                "cancel_at":%s,"canceled_at":%s,"ended_at":%s,"livemode":false,"collection_method":"charge_automatically",\
                "metadata":{"user_id":"%s"},"items":%s}"""
                .formatted(s.subscriptionId(), customerId, s.status(), s.cancelAtPeriodEnd(),
                        s.cancelAtPeriodEnd() ? Long.toString(s.periodEnd()) : "null",
                        s.cancelAtPeriodEnd() || ended ? Long.toString(s.at()) : "null",
                        ended ? Long.toString(s.at()) : "null", userId, itemsJson(s));
    }

    private void invoice(String type, long at, State s, String reason) {
        invoiceCount++;
        boolean paid = !type.equals("invoice.payment_failed");
        int amount = s.plan().equals("yearly") ? 5800 : 580;
        String object = """
                {"id":"in_%s_%d","object":"invoice","customer":"%s","status":"%s","billing_reason":"%s",\
                "amount_due":%d,"amount_paid":%d,"currency":"jpy","livemode":false,"attempt_count":%d,\
                "period_start":%d,"period_end":%d,"metadata":{},\
                "parent":{"type":"subscription_details","subscription_details":{"subscription":"%s","metadata":{"user_id":"%s"}}}}"""
                .formatted(s.subscriptionId().substring(4), invoiceCount, customerId, paid ? "paid" : "open", reason,
                        amount, paid ? amount : 0, paid ? 1 : 2, s.periodStart(), s.periodEnd(), s.subscriptionId(), userId);
        emit(type, at, object, null);
    }

    private void emit(String type, long created, String object, String previousAttributes) {
        eventCount++;
        String id = "evt_" + userId.replaceAll("[^A-Za-z0-9]", "") + "_" + eventCount;
        String data = previousAttributes == null ? "{\"object\":" + object + "}"
                : "{\"object\":" + object + ",\"previous_attributes\":" + previousAttributes + "}";
        String json = """
                {"id":"%s","object":"event","api_version":"2025-08-27.basil","created":%d,"livemode":false,\
                "pending_webhooks":1,"request":{"id":null,"idempotency_key":null},"type":"%s","data":%s}"""
                .formatted(id, created, type, data);
        events.add(new Event(id, type, created, json));
    }
}
