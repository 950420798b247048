package jp.homebiyori.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.homebiyori.api.admin.AdminApi;
import jp.homebiyori.api.admin.model.AdminUserPage;
import jp.homebiyori.api.admin.model.Dashboard;
import jp.homebiyori.api.admin.model.MaintenanceRequest;
import jp.homebiyori.api.admin.model.MaintenanceStatus;
import jp.homebiyori.api.admin.model.SystemMetrics;

/** The admin API: each method maps in, makes one application call and maps out. */
@ApplicationScoped
public class AdminResource implements AdminApi {

    private final DashboardService dashboard;
    private final AdminUsersService users;
    private final MetricsService metrics;
    private final MaintenanceAdminService maintenance;

    @Inject
    public AdminResource(DashboardService dashboard, AdminUsersService users, MetricsService metrics,
                         MaintenanceAdminService maintenance) {
        this.dashboard = dashboard;
        this.users = users;
        this.metrics = metrics;
        this.maintenance = maintenance;
    }

    @Override
    public Dashboard getDashboard() {
        return dashboard.today();
    }

    @Override
    public AdminUserPage listUsers(Integer limit, String nextToken) {
        return users.page(limit == null ? 20 : limit, nextToken);
    }

    @Override
    public SystemMetrics getMetrics() {
        return metrics.current();
    }

    @Override
    public MaintenanceStatus getMaintenance() {
        return maintenance.current();
    }

    @Override
    public MaintenanceStatus setMaintenance(MaintenanceRequest request) {
        return maintenance.set(request);
    }
}
