package jp.homebiyori.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.homebiyori.api.admin.model.MaintenanceRequest;
import jp.homebiyori.api.admin.model.MaintenanceStatus;
import jp.homebiyori.common.error.ApiException;
import jp.homebiyori.common.maintenance.MaintenanceService;
import jp.homebiyori.common.time.JstClock;

import java.util.logging.Logger;

/**
 * Reads and sets maintenance mode in Parameter Store. A set replaces the whole setting (an absent
 * message means the default one, absent times mean no bound); an end not after the start is a 400.
 */
@ApplicationScoped
public class MaintenanceAdminService {

    private static final Logger LOG = Logger.getLogger(MaintenanceAdminService.class.getName());

    private final MaintenanceService maintenance;
    private final JstClock clock;

    @Inject
    public MaintenanceAdminService(MaintenanceService maintenance, JstClock clock) {
        this.maintenance = maintenance;
        this.clock = clock;
    }

    public MaintenanceStatus current() {
        return toApi(maintenance.current());
    }

    public MaintenanceStatus set(MaintenanceRequest request) {
        checkYear("start_time", request.getStartTime());
        checkYear("end_time", request.getEndTime());
        if (request.getStartTime() != null && request.getEndTime() != null
                && !request.getEndTime().isAfter(request.getStartTime())) {
            throw ApiException.validation("end_time", "after_start", "end_time must be after start_time");
        }
        String message = request.getMessage() == null || request.getMessage().isBlank()
                ? jp.homebiyori.common.maintenance.MaintenanceStatus.DEFAULT_MESSAGE : request.getMessage().strip();
        maintenance.set(new jp.homebiyori.common.maintenance.MaintenanceStatus(
                request.getEnabled(), message, request.getStartTime(), request.getEndTime()));
        LOG.info("maintenance set: enabled=" + request.getEnabled() + " start=" + request.getStartTime()
                + " end=" + request.getEndTime());
        return current();
    }

    /** A maintenance window lies in this century; year ±999999999 would break every later read. */
    private static void checkYear(String field, java.time.OffsetDateTime time) {
        if (time != null && (time.getYear() < 2000 || time.getYear() > 2999)) {
            throw ApiException.validation(field, "range", field + " must be a date between the years 2000 and 2999");
        }
    }

    private MaintenanceStatus toApi(jp.homebiyori.common.maintenance.MaintenanceStatus status) {
        return new MaintenanceStatus()
                .enabled(status.enabled())
                .inForce(status.inForceAt(clock.instant()))
                .message(status.message())
                .startTime(status.startTime() == null ? null : JstClock.toJst(status.startTime().toInstant()))
                .endTime(status.endTime() == null ? null : JstClock.toJst(status.endTime().toInstant()));
    }
}
