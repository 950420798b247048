package jp.homebiyori.common.maintenance;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jp.homebiyori.common.error.ErrorCode;
import jp.homebiyori.common.error.ErrorResponses;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.common.web.ApiOperation;
import jp.homebiyori.common.web.RequestScope;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * While maintenance is in force, every authenticated user-API operation answers 503 {@code MAINTENANCE}
 * with {@code x-maintenance-mode: true}, {@code Retry-After} and the message and planned end in the
 * body. Public operations (health checks, the Stripe webhook: money events must not be lost) and the
 * admin and internal APIs keep working.
 */
@Provider
@Priority(500)
@ApplicationScoped
public class MaintenanceFilter implements ContainerRequestFilter {

    public static final String HEADER = "x-maintenance-mode";

    private final MaintenanceService maintenance;
    private final JstClock clock;

    @Inject
    public MaintenanceFilter(MaintenanceService maintenance, JstClock clock) {
        this.maintenance = maintenance;
        this.clock = clock;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        boolean exempt = RequestScope.current().operation()
                .map(op -> op.permitAll() || op.api() != jp.homebiyori.common.web.ApiKind.USER).orElse(true);
        if (exempt) {
            return;
        }
        MaintenanceStatus status = maintenance.current();
        Instant now = clock.instant();
        if (!status.inForceAt(now)) {
            return;
        }
        long retryAfter = status.retryAfterSeconds(now);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("maintenance_message", status.message());
        if (status.endTime() != null) {
            details.put("end_time", JstClock.toJst(status.endTime().toInstant()).toString());
        }
        details.put("retry_after_seconds", retryAfter);
        Response response = ErrorResponses.builder(503, ErrorCode.MAINTENANCE, status.message(), details)
                .header(HEADER, "true")
                .header("Retry-After", Long.toString(retryAfter))
                .build();
        request.abortWith(response);
    }
}
