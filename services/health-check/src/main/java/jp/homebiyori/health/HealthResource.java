package jp.homebiyori.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.homebiyori.api.user.HealthApi;
import jp.homebiyori.api.user.model.HealthStatus;
import jp.homebiyori.common.config.ParameterStore;
import jp.homebiyori.common.config.Parameters;
import jp.homebiyori.common.time.JstClock;

/**
 * {@code GET /api/health}: the worked example of spec → generated interface → resource. Public, never
 * in maintenance; it reports the version from the {@code app/version} parameter and the server time.
 */
@ApplicationScoped
public class HealthResource implements HealthApi {

    private final ParameterStore parameters;
    private final JstClock clock;

    @Inject
    public HealthResource(ParameterStore parameters, JstClock clock) {
        this.parameters = parameters;
        this.clock = clock;
    }

    @Override
    public HealthStatus getHealth() {
        return new HealthStatus()
                .status(HealthStatus.StatusEnum.OK)
                .service("health-check")
                .version(parameters.getOrDefault(Parameters.APP_VERSION, "unknown"))
                .serverTime(clock.now());
    }
}
