package jp.homebiyori.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.homebiyori.api.user.WebhookApi;
import jp.homebiyori.api.user.model.HealthStatus;
import jp.homebiyori.api.user.model.WebhookAck;
import jp.homebiyori.api.user.model.WebhookOutcome;
import jp.homebiyori.common.config.ParameterStore;
import jp.homebiyori.common.config.Parameters;
import jp.homebiyori.common.time.JstClock;

/** {@code POST /api/webhook/stripe} (the raw body, verified before parsing) and its health check. */
@ApplicationScoped
public class WebhookResource implements WebhookApi {

    private final StripeWebhookService webhooks;
    private final ParameterStore parameters;
    private final JstClock clock;

    @Inject
    public WebhookResource(StripeWebhookService webhooks, ParameterStore parameters, JstClock clock) {
        this.webhooks = webhooks;
        this.parameters = parameters;
        this.clock = clock;
    }

    @Override
    public WebhookAck handleStripeWebhook(String stripeSignature, String body) {
        StripeWebhookService.Outcome outcome = webhooks.handle(body, stripeSignature);
        return new WebhookAck().received(true).eventId(outcome.eventId()).outcome(WebhookOutcome.fromValue(outcome.outcome()));
    }

    @Override
    public HealthStatus getWebhookHealth() {
        return new HealthStatus().status(HealthStatus.StatusEnum.OK).service("webhook-service")
                .version(parameters.getOrDefault(Parameters.APP_VERSION, "unknown")).serverTime(clock.now());
    }
}
