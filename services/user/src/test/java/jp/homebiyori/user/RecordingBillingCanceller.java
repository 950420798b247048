package jp.homebiyori.user;

import jakarta.enterprise.context.ApplicationScoped;
import jp.homebiyori.domain.account.BillingCanceller;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A BillingCanceller standing in for Stripe: records the ids, can be told to fail the next calls. */
@ApplicationScoped
public class RecordingBillingCanceller implements BillingCanceller {

    private final List<String> canceled = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresToCome = new AtomicInteger();

    /** What was passed so far (the bean is reached through a CDI proxy: methods, not fields). */
    public List<String> canceled() {
        return List.copyOf(canceled);
    }

    /** The next {@code calls} calls fail. */
    public void failNext(int calls) {
        failuresToCome.set(calls);
    }

    @Override
    public boolean cancelImmediately(String subscriptionId) {
        if (failuresToCome.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("Stripe is unreachable");
        }
        boolean live = !canceled.contains(subscriptionId);
        canceled.add(subscriptionId);
        return live;
    }
}
