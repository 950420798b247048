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
import jp.homebiyori.common.metrics.ProcessCounters;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Creates notifications through the internal API with the generated internal Java client (the design
 * document's single path for notifications): {@code X-API-Key} from Parameter Store and
 * {@code X-Source-Lambda} added by a request interceptor, which in AWS
 * ({@code homebiyori.internal.sigv4.enabled=true}) then signs the call with SigV4 for the IAM-authorised
 * internal API ({@link InternalApiSigner}; region {@code homebiyori.internal.sigv4.region}, by default
 * {@code homebiyori.aws.region}). A failure is logged and counted, never thrown: a notification that
 * cannot be created must not undo the work it reports.
 */
@ApplicationScoped
public class InternalNotifier {

    private static final Logger LOG = Logger.getLogger(InternalNotifier.class.getName());

    private final ParameterStore parameters;
    private final String baseUrl;
    private final Optional<InternalApiSigner> signer;

    @Inject
    public InternalNotifier(ParameterStore parameters,
                            @ConfigProperty(name = "homebiyori.internal.base-url", defaultValue = "http://127.0.0.1:8082") String baseUrl,
                            @ConfigProperty(name = "homebiyori.internal.sigv4.enabled", defaultValue = "false") boolean sign,
                            @ConfigProperty(name = "homebiyori.internal.sigv4.region") Optional<String> signingRegion,
                            @ConfigProperty(name = "homebiyori.aws.region", defaultValue = "ap-northeast-1") String region) {
        this(parameters, baseUrl, sign ? InternalApiSigner.withDefaultCredentials(signingRegion.orElse(region)) : null);
    }

    /** Without signing: the key and the allow-list only (a pod, the local process). */
    public InternalNotifier(ParameterStore parameters, String baseUrl) {
        this(parameters, baseUrl, null);
    }

    /** With {@code signer} null, calls are not signed. */
    public InternalNotifier(ParameterStore parameters, String baseUrl, InternalApiSigner signer) {
        this.parameters = parameters;
        this.baseUrl = URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl).toString();
        this.signer = Optional.ofNullable(signer);
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

    private InternalNotificationsApi api(SourceLambda source) {
        String key = parameters.get(Parameters.INTERNAL_API_KEY).orElse("");
        ApiClient client = new ApiClient().setReadTimeout(Duration.ofSeconds(10));
        // keeps a path such as API Gateway's stage (https://…execute-api…/prod)
        client.updateBaseUri(baseUrl);
        client.setRequestInterceptor(b -> {
            b.setHeader("X-API-Key", key).setHeader("X-Source-Lambda", source.getValue());
            signer.ifPresent(s -> s.sign(b));
        });
        return new InternalNotificationsApi(client);
    }
}
