package jp.homebiyori.admin;

import jp.homebiyori.api.admin.model.SystemMetrics;

/**
 * Port behind {@code GET /api/admin/metrics}: where the figures come from depends on how the backend
 * is deployed. In AWS every service is its own Lambda, so the admin function's own process knows
 * nothing of the other eight: {@link CloudWatchMetricsSource} reads CloudWatch and SQS. In a pod and
 * in the local process {@link ProcessMetricsSource} reports the serving process itself.
 * {@link MetricsSourceProducer} picks one by {@code homebiyori.metrics.source}.
 */
public interface SystemMetricsSource {

    /**
     * The metrics now.
     *
     * @throws jp.homebiyori.common.error.ApiException 503 {@code SERVICE_UNAVAILABLE} when a backing
     *         service that the figures must come from cannot be read
     */
    SystemMetrics collect();
}
