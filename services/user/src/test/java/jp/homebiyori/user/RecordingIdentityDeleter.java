package jp.homebiyori.user;

import jakarta.enterprise.context.ApplicationScoped;
import jp.homebiyori.domain.account.IdentityDeleter;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** An IdentityDeleter standing in for the local stack's: records the ids, can be told to fail the next calls. */
@ApplicationScoped
public class RecordingIdentityDeleter implements IdentityDeleter {

    private final List<String> deleted = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresToCome = new AtomicInteger();

    /** What was passed so far (the bean is reached through a CDI proxy: methods, not fields). */
    public List<String> deleted() {
        return List.copyOf(deleted);
    }

    /** The next {@code calls} calls fail. */
    public void failNext(int calls) {
        failuresToCome.set(calls);
    }

    @Override
    public void deleteUser(String userId) {
        if (failuresToCome.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("identity provider is unreachable");
        }
        deleted.add(userId);
    }
}
