package jp.homebiyori.common.maintenance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.homebiyori.common.config.ParameterStore;
import jp.homebiyori.common.config.Parameters;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.logging.Logger;

/**
 * Reads and writes the maintenance parameters ({@code maintenance/enabled|message|start_time|end_time}).
 * Reads go through the Parameter Store adapter's cache (≤ 30 s in AWS, immediate locally). A
 * malformed stored value is logged and read as absent, never a 500 for every user.
 */
@ApplicationScoped
public class MaintenanceService {

    private static final Logger LOG = Logger.getLogger(MaintenanceService.class.getName());

    private final ParameterStore parameters;

    @Inject
    public MaintenanceService(ParameterStore parameters) {
        this.parameters = parameters;
    }

    public MaintenanceStatus current() {
        boolean enabled = parameters.get(Parameters.MAINTENANCE_ENABLED).map(v -> v.trim().equalsIgnoreCase("true")).orElse(false);
        if (!enabled) {
            return MaintenanceStatus.OFF;
        }
        String message = parameters.get(Parameters.MAINTENANCE_MESSAGE).filter(m -> !m.isBlank())
                .orElse(MaintenanceStatus.DEFAULT_MESSAGE);
        return new MaintenanceStatus(true, message, time(Parameters.MAINTENANCE_START_TIME), time(Parameters.MAINTENANCE_END_TIME));
    }

    /** Stored as given; validation (end after start, message length) is the caller's, at the API. */
    public void set(MaintenanceStatus status) {
        parameters.put(Parameters.MAINTENANCE_MESSAGE, status.message() == null ? "" : status.message(), false);
        parameters.put(Parameters.MAINTENANCE_START_TIME, status.startTime() == null ? "" : status.startTime().toString(), false);
        parameters.put(Parameters.MAINTENANCE_END_TIME, status.endTime() == null ? "" : status.endTime().toString(), false);
        // the switch last, so a reader never sees "enabled" with the previous window
        parameters.put(Parameters.MAINTENANCE_ENABLED, Boolean.toString(status.enabled()), false);
    }

    private OffsetDateTime time(String name) {
        String value = parameters.get(name).map(String::trim).orElse("");
        if (value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            LOG.warning("ignoring malformed parameter " + name);
            return null;
        }
    }
}
