package jp.homebiyori.helm;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Configuration and secrets of the production-like values: settings in ConfigMaps under the
 * environment variables MicroProfile Config maps onto the services' keys, secrets only as references
 * to the Secret (no secret value anywhere in the rendered objects), the IAM role on the service
 * account, the internal API wired between its callers and notification-service.
 */
class ConfigAndSecretsTest {

    private static final String PAGINATION = "HOMEBIYORI_PAGINATION_KEY";
    private static final String INTERNAL_KEY = "homebiyori.parameters.internal.api_key";
    private static final String STRIPE_KEY = "homebiyori.parameters.stripe.api_key";
    private static final String WEBHOOK_SECRET = "homebiyori.parameters.stripe.webhook_secret";

    private final RenderedChart chart = RenderedChart.withProductionValues();

    @Test
    void theServiceAccount_carriesTheIamRole_andWebhookHasItsOwn() {
        JsonNode shared = chart.get("ServiceAccount", "homebiyori");
        assertThat(shared.path("metadata").path("annotations").path("eks.amazonaws.com/role-arn").asText())
                .isEqualTo("arn:aws:iam::123456789012:role/homebiyori-prod-services");
        JsonNode webhook = chart.get("ServiceAccount", "homebiyori-webhook-service");
        assertThat(webhook.path("metadata").path("annotations").path("eks.amazonaws.com/role-arn").asText())
                .isEqualTo("arn:aws:iam::123456789012:role/homebiyori-prod-webhook");
        for (String service : WorkloadsTest.SERVICES) {
            String account = chart.get("Deployment", "homebiyori-" + service).path("spec").path("template").path("spec")
                    .path("serviceAccountName").asText();
            assertThat(account).as(service).isEqualTo(service.equals("webhook-service") ? "homebiyori-webhook-service" : "homebiyori");
        }
        assertThat(RenderedChart.withDefaults().get("ServiceAccount", "homebiyori").path("metadata").has("annotations"))
                .as("no role annotation without a role").isFalse();
    }

    @Test
    void imagesComeFromTheRegistry_withTheReleaseTag() {
        assertThat(chart.container("chat-service").path("image").asText())
                .isEqualTo("123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/homebiyori/chat-service:1.0.0");
    }

    @Test
    void cognito_sqs_andServiceSettings_reachTheRightServices() {
        Map<String, String> user = chart.configOf("user-service");
        assertThat(user).containsEntry("HOMEBIYORI_AUTH_USER_POOL_JWKS_URL",
                        "https://cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_UsErPoOl1/.well-known/jwks.json")
                .containsEntry("HOMEBIYORI_AUTH_USER_POOL_ISSUER", "https://cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_UsErPoOl1")
                .containsEntry("HOMEBIYORI_AUTH_USER_POOL_CLIENT_ID", "1example23456789userclient")
                .containsEntry("HOMEBIYORI_AUTH_ADMIN_POOL_CLIENT_ID", "9example87654321adminclient")
                .containsEntry("HOMEBIYORI_AUTH_USER_POOL_POOL_ID", "ap-northeast-1_UsErPoOl1")
                .containsEntry("HOMEBIYORI_IDENTITY_PROVIDER", "cognito")
                .containsEntry("HOMEBIYORI_CORS_ALLOWED_ORIGINS", "https://homebiyori.jp");
        assertThat(chart.configOf("webhook-service")).containsEntry("HOMEBIYORI_SQS_TTL_QUEUE_URL",
                "https://sqs.ap-northeast-1.amazonaws.com/123456789012/prod-homebiyori-ttl-updates");
        assertThat(chart.configOf("admin-service")).containsKey("HOMEBIYORI_SQS_TTL_DLQ_URL");
        assertThat(chart.configOf("billing-service")).containsEntry("HOMEBIYORI_STRIPE_PRICE_MONTHLY", "price_1ExampleMonthly")
                .containsEntry("HOMEBIYORI_STRIPE_PORTAL_CONFIGURATION", "bpc_1ExamplePortal")
                .containsEntry("HOMEBIYORI_BILLING_ALLOWED_ORIGINS", "https://homebiyori.jp");
        assertThat(chart.configOf("chat-service")).containsEntry("HOMEBIYORI_AI_GENERATOR", "bedrock")
                .containsEntry("HOMEBIYORI_AI_BEDROCK_GUARDRAIL_ID", "gr7x2kq9abcd")
                .containsEntry("HOMEBIYORI_AI_BEDROCK_GUARDRAIL_VERSION", "3");
        assertThat(RenderedChart.withDefaults().configOf("chat-service")).as("no guardrail unless one is named")
                .doesNotContainKeys("HOMEBIYORI_AI_BEDROCK_GUARDRAIL_ID", "HOMEBIYORI_AI_BEDROCK_GUARDRAIL_VERSION");
    }

    @Test
    void theInternalApi_isOnItsOwnSocket_andItsCallersKnowWhere() {
        Map<String, String> notification = chart.configOf("notification-service");
        assertThat(notification).containsEntry("HOMEBIYORI_API_INTERNAL_SOCKET", "internal")
                .containsEntry("server.sockets.0.name", "internal")
                .containsEntry("server.sockets.0.port", "8082")
                .containsEntry("JP_HOMEBIYORI_COMMON_WEB_APIAPPLICATIONS_INTERNALSOCKETAPI_ROUTING_NAME_NAME", "internal")
                .containsEntry("JP_HOMEBIYORI_COMMON_WEB_APIAPPLICATIONS_INTERNALSOCKETAPI_ROUTING_NAME_REQUIRED", "true");
        for (String caller : List.of("webhook-service", "ttl-updater")) {
            assertThat(chart.configOf(caller)).containsEntry("HOMEBIYORI_INTERNAL_BASE_URL", "http://homebiyori-notification-service:8082");
        }
        for (String other : List.of("chat-service", "user-service", "admin-service")) {
            assertThat(chart.configOf(other)).doesNotContainKeys("HOMEBIYORI_INTERNAL_BASE_URL", "server.sockets.0.port");
        }
    }

    @Test
    void theInternalPort_admitsOnlyItsCallers() {
        JsonNode policy = chart.get("NetworkPolicy", "homebiyori-notification-service-internal").path("spec");
        assertThat(policy.path("podSelector").path("matchLabels").path("app.kubernetes.io/component").asText())
                .isEqualTo("notification-service");
        JsonNode internalRule = policy.path("ingress").get(1);
        assertThat(internalRule.path("ports").get(0).path("port").asText()).isEqualTo("internal");
        JsonNode components = internalRule.path("from").get(0).path("podSelector").path("matchExpressions").get(1);
        assertThat(components.path("key").asText()).isEqualTo("app.kubernetes.io/component");
        assertThat(components.path("values").toString()).isEqualTo("[\"ttl-updater\",\"webhook-service\"]");
        assertThat(policy.path("ingress").get(0).path("ports").get(0).path("port").asText()).isEqualTo("http");
        assertThat(policy.path("ingress").get(0).has("from")).as("the HTTP port stays open to the ingress controller").isFalse();
    }

    @Test
    void withSsmParameters_onlyThePaginationKeyComesFromTheSecret() {
        assertThat(chart.configOf("webhook-service")).containsEntry("HOMEBIYORI_PARAMETERS_SOURCE", "ssm");
        assertThat(chart.secretRefsOf("webhook-service")).containsExactly(Map.entry(PAGINATION, "pagination-key"));
        assertThat(chart.secretRefsOf("health-check")).as("the common layer validates the key at startup")
                .containsExactly(Map.entry(PAGINATION, "pagination-key"));
        assertThat(chart.container("chat-service").path("env").get(0).path("valueFrom").path("secretKeyRef").path("name").asText())
                .isEqualTo("homebiyori-prod");
    }

    @Test
    void withKubernetesParameters_eachServiceReadsExactlyItsSecrets_byReference() {
        RenderedChart k8s = RenderedChart.render(t -> t.withValuesFile(RenderedChart.PRODUCTION_VALUES).set("parameters.source", "kubernetes"));
        assertThat(k8s.configOf("billing-service")).containsEntry("HOMEBIYORI_PARAMETERS_SOURCE", "local")
                .containsEntry("homebiyori.parameters.app.version", "1.0.0");
        assertThat(k8s.secretRefsOf("webhook-service")).containsOnly(Map.entry(PAGINATION, "pagination-key"),
                Map.entry(WEBHOOK_SECRET, "stripe-webhook-secret"), Map.entry(STRIPE_KEY, "stripe-api-key"),
                Map.entry(INTERNAL_KEY, "internal-api-key"));
        assertThat(k8s.secretRefsOf("billing-service")).containsOnly(Map.entry(PAGINATION, "pagination-key"), Map.entry(STRIPE_KEY, "stripe-api-key"));
        assertThat(k8s.secretRefsOf("notification-service")).containsOnlyKeys(PAGINATION, INTERNAL_KEY);
        assertThat(k8s.secretRefsOf("ttl-updater")).containsOnlyKeys(PAGINATION, INTERNAL_KEY);
        assertThat(k8s.secretRefsOf("chat-service")).containsOnlyKeys(PAGINATION);
        assertThat(k8s.secretRefsOf("health-check")).containsOnlyKeys(PAGINATION);
    }

    /** Secret values never appear: no Secret object, no literal value for a secret variable, no secret-looking string. */
    @Test
    void noSecretValue_isRendered() {
        Pattern secretLooking = Pattern.compile("sk_(live|test)_|whsec_|rk_live_|AKIA[0-9A-Z]{16}");
        for (RenderedChart rendered : List.of(chart, RenderedChart.withDefaults(),
                RenderedChart.render(t -> t.withValuesFile(RenderedChart.PRODUCTION_VALUES).set("parameters.source", "kubernetes")))) {
            assertThat(rendered.ofKind("Secret")).isEmpty();
            assertThat(secretLooking.matcher(rendered.manifest()).find()).isFalse();
            for (JsonNode map : rendered.ofKind("ConfigMap")) {
                map.path("data").fieldNames().forEachRemaining(key ->
                        assertThat(key.toLowerCase()).as("ConfigMap key").doesNotContain("api_key", "secret", "pagination", "password"));
            }
            for (String service : WorkloadsTest.SERVICES) {
                for (JsonNode env : rendered.container(service).path("env")) {
                    assertThat(env.has("value")).as(service + " " + env.path("name").asText() + " has a literal value").isFalse();
                    assertThat(env.path("valueFrom").has("secretKeyRef")).isTrue();
                }
            }
        }
    }

    @Test
    void aChangedSetting_rollsOnlyThePodsThatReadIt() {
        RenderedChart changed = RenderedChart.render(t -> t.withValuesFile(RenderedChart.PRODUCTION_VALUES)
                .set("services.chat-service.config.homebiyori\\.ai\\.generator", "offline"));
        assertThat(checksum(changed, "chat-service")).isNotEqualTo(checksum(chart, "chat-service"));
        assertThat(checksum(changed, "tree-service")).isEqualTo(checksum(chart, "tree-service"));
    }

    private static String checksum(RenderedChart rendered, String service) {
        return rendered.get("Deployment", "homebiyori-" + service).path("spec").path("template").path("metadata")
                .path("annotations").path("checksum/config").asText();
    }
}
