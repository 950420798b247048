package jp.homebiyori.common.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.homebiyori.client.internal.ApiClient;
import jp.homebiyori.client.internal.ApiException;
import jp.homebiyori.client.internal.api.InternalNotificationsApi;
import jp.homebiyori.client.internal.model.CreateNotificationRequest;
import jp.homebiyori.client.internal.model.NotificationPriority;
import jp.homebiyori.client.internal.model.NotificationType;
import jp.homebiyori.client.internal.model.SourceLambda;
import jp.homebiyori.common.config.ParameterStore;
import jp.homebiyori.common.config.Parameters;
import jp.homebiyori.common.http.DelegatingHttpClient;
import jp.homebiyori.common.metrics.ProcessCounters;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Creates notifications through the internal API with the generated internal Java client (the design
 * document's single path for notifications): {@code X-API-Key} from Parameter Store and
 * {@code X-Source-Lambda} added by a request interceptor. In AWS the internal API also requires IAM
 * authorisation: with {@code homebiyori.internal.sigv4.enabled=true} every call is signed with SigV4
 * ({@link SigV4HttpClient}, the function role's credentials, {@code homebiyori.aws.region}); locally and
 * in pods the key and the allow-list suffice. The base URL keeps its path (API Gateway's stage, e.g.
 * {@code https://<id>.execute-api.<region>.amazonaws.com/prod}). A failure is logged and counted, never
 * thrown: a notification that cannot be created must not undo the work it reports.
 */
@ApplicationScoped
public class InternalNotifier {

    private static final Logger LOG = Logger.getLogger(InternalNotifier.class.getName());

    private final ParameterStore parameters;
    private final URI baseUrl;
    private final Supplier<HttpClient.Builder> http;
    private final Map<SourceLambda, InternalNotificationsApi> apis = new ConcurrentHashMap<>();

    @Inject
    public InternalNotifier(ParameterStore parameters,
                            @ConfigProperty(name = "homebiyori.internal.base-url", defaultValue = "http://127.0.0.1:8082") String baseUrl,
                            @ConfigProperty(name = "homebiyori.internal.sigv4.enabled", defaultValue = "false") boolean sigv4,
                            @ConfigProperty(name = "homebiyori.aws.region", defaultValue = "ap-northeast-1") String region) {
        this(parameters, baseUrl, sigv4 ? DefaultCredentialsProvider.builder().build() : null, region, Clock.systemUTC());
    }

    /** With {@code credentials} null, calls are not signed. */
    public InternalNotifier(ParameterStore parameters, String baseUrl,
                            IdentityProvider<? extends AwsCredentialsIdentity> credentials, String region, Clock clock) {
        this.parameters = parameters;
        this.baseUrl = URI.create(baseUrl);
        this.http = credentials == null
                ? HttpClient::newBuilder
                : () -> DelegatingHttpClient.builder(HttpClient.newBuilder(), real -> new SigV4HttpClient(real, credentials, region, clock));
    }

    /** A notification to create; {@code dedupKey} makes a retried call create nothing new. */
    public record Request(String userId, String type, String title, String message, String priority, String dedupKey) {
    }

    /** True if the notification exists afterwards (created now or before). */
    public boolean notify(SourceLambda source, Request request) {
        try {
            api(source).createNotification(source, new CreateNotificationRequest()
                    .userId(request.userId())
                    .type(NotificationType.fromValue(request.type()))
                    .title(request.title())
                    .message(request.message())
                    .priority(NotificationPriority.fromValue(request.priority()))
                    .sourceLambda(source)
                    .dedupKey(request.dedupKey()));
            return true;
        } catch (ApiException | RuntimeException e) {
            ProcessCounters.increment(ProcessCounters.NOTIFICATION_FAILURE);
            String status = e instanceof ApiException api ? Integer.toString(api.getCode()) : e.getClass().getSimpleName();
            LOG.warning("notification " + request.type() + " for user " + request.userId() + " not created: " + status);
            return false;
        }
    }

    /**
     * One client per calling source, built on first use and kept: the generated API builds a
     * {@link HttpClient} (with its own selector thread and connection pool) when it is constructed, so a
     * client per notification would throw both away every time. The key is read per request (Parameter
     * Store caches it), so a rotated key is picked up.
     */
    private InternalNotificationsApi api(SourceLambda source) {
        return apis.computeIfAbsent(source, s -> {
            ApiClient client = new ApiClient()
                    .setHttpClientBuilder(http.get().connectTimeout(Duration.ofSeconds(5)))
                    .setReadTimeout(Duration.ofSeconds(10));
            client.updateBaseUri(baseUrl.toString());
            client.setRequestInterceptor(b -> b.setHeader("X-API-Key", parameters.get(Parameters.INTERNAL_API_KEY).orElse(""))
                    .setHeader("X-Source-Lambda", s.getValue()));
            return new InternalNotificationsApi(client);
        });
    }
}
