package jp.homebiyori.common.web;

import jp.homebiyori.common.auth.Caller;

import java.util.Optional;

/**
 * What is known about the request being served on this thread: its id, the spec operation, the
 * authenticated caller. Jersey serves a request on one thread, in a pod and in a Lambda alike; the
 * first filter of every request resets it.
 */
public final class RequestScope {

    private static final ThreadLocal<RequestScope> CURRENT = ThreadLocal.withInitial(() -> new RequestScope("-", System.nanoTime()));

    private final String requestId;
    private final long startNanos;
    private ApiOperation operation;
    private Caller caller;
    private Caller deletionCheckPending;

    private RequestScope(String requestId, long startNanos) {
        this.requestId = requestId;
        this.startNanos = startNanos;
    }

    public static RequestScope begin(String requestId) {
        RequestScope scope = new RequestScope(requestId, System.nanoTime());
        CURRENT.set(scope);
        return scope;
    }

    public static RequestScope current() {
        return CURRENT.get();
    }

    public static void end() {
        CURRENT.remove();
    }

    public String requestId() {
        return requestId;
    }

    public long startNanos() {
        return startNanos;
    }

    public Optional<ApiOperation> operation() {
        return Optional.ofNullable(operation);
    }

    public void operation(ApiOperation operation) {
        this.operation = operation;
    }

    public Optional<Caller> caller() {
        return Optional.ofNullable(caller);
    }

    public void caller(Caller caller) {
        this.caller = caller;
    }

    /** The user whose deleted-account check this request's own first read still has to make (see DeletedAccounts). */
    public Optional<Caller> deletionCheckPending() {
        return Optional.ofNullable(deletionCheckPending);
    }

    /** Leaves the caller's deleted-account check to the request's first read; null once it is made. */
    public void deletionCheckPending(Caller caller) {
        this.deletionCheckPending = caller;
    }
}
