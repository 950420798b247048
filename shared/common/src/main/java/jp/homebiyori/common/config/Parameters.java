package jp.homebiyori.common.config;

/** The parameter names of domain.md, relative to {@code /{env}/homebiyori/}. */
public final class Parameters {

    public static final String STRIPE_API_KEY = "stripe/api_key";
    public static final String STRIPE_WEBHOOK_SECRET = "stripe/webhook_secret";
    public static final String INTERNAL_API_KEY = "internal/api_key";
    public static final String MAINTENANCE_ENABLED = "maintenance/enabled";
    public static final String MAINTENANCE_MESSAGE = "maintenance/message";
    public static final String MAINTENANCE_START_TIME = "maintenance/start_time";
    public static final String MAINTENANCE_END_TIME = "maintenance/end_time";
    public static final String APP_VERSION = "app/version";
    public static final String FEATURE_FLAGS = "features/flags";
    public static final String TREE_GROWTH_THRESHOLDS = "tree/growth_thresholds";

    private Parameters() {
    }
}
