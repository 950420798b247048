package jp.homebiyori.common.auth;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jp.homebiyori.common.error.ErrorCode;
import jp.homebiyori.common.error.ErrorResponses;
import jp.homebiyori.common.web.ApiOperation;
import jp.homebiyori.common.web.RequestScope;

import java.util.Set;
import java.util.logging.Logger;

/**
 * The one place that voids the tokens of a deleted account ({@link DeletedAccounts}): every request
 * authenticated by a user-pool token is refused with 401 {@code UNAUTHORIZED} if the account was deleted
 * after the token was issued, in pods, the local process and Lambda alike (a common provider). Runs after
 * the authentication and the rate limit, so a refused or throttled request costs no read.
 *
 * <ul>
 *   <li>Most operations: one consistent GetItem of the marker, before the resource runs.</li>
 *   <li>{@link #CHECKED_BY_THE_FIRST_READ}: chat's send and stamp read the user's profile, subscription and tree in
 *   one BatchGetItem before anything else (ChatContextReader); the marker rides in that batch instead of a call
 *   of its own, and the batch completes the check. Should an answer succeed without the check having been made,
 *   the request is failed (500) and logged, so a change that loses it breaks every test of the operation.</li>
 *   <li>{@link #DELETION}: the deletion itself stays open to the tokens it voids, so that a deletion that failed
 *   half-way (503) can be finished by calling it again with the same token; it only ever deletes.</li>
 * </ul>
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 200)
@ApplicationScoped
public class DeletedAccountFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** The account deletion (user API), which a voided token may repeat. */
    static final String DELETION = "deleteAccount";
    /** Operations whose first DynamoDB call is a batch of the user's items that carries the marker too. */
    static final Set<String> CHECKED_BY_THE_FIRST_READ = Set.of("sendMessage", "sendEmotionStamp");

    private static final Logger LOG = Logger.getLogger(DeletedAccountFilter.class.getName());

    private final DeletedAccounts deletedAccounts;

    @Inject
    public DeletedAccountFilter(DeletedAccounts deletedAccounts) {
        this.deletedAccounts = deletedAccounts;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        RequestScope scope = RequestScope.current();
        Caller caller = scope.caller().filter(c -> c.kind() == Caller.Kind.USER).orElse(null);
        if (caller == null) {
            return;
        }
        String operation = scope.operation().map(ApiOperation::operationId).orElse("");
        if (operation.equals(DELETION)) {
            return;
        }
        if (CHECKED_BY_THE_FIRST_READ.contains(operation)) {
            scope.deletionCheckPending(caller);
            return;
        }
        deletedAccounts.refuseTokenOfADeletedAccount(caller);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        RequestScope scope = RequestScope.current();
        if (scope.deletionCheckPending().isEmpty() || response.getStatus() < 200 || response.getStatus() > 299) {
            return;
        }
        scope.deletionCheckPending(null);
        LOG.severe("operation " + scope.operation().map(ApiOperation::operationId).orElse("?")
                + " answered without making the deleted-account check left to its first read; answering 500");
        response.setStatus(500);
        response.setEntity(ErrorResponses.of(500, ErrorCode.INTERNAL_ERROR, "internal error", null).getEntity(),
                null, MediaType.APPLICATION_JSON_TYPE);
    }
}
