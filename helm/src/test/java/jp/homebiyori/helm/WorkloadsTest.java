package jp.homebiyori.helm;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workloads the default values render: a Deployment per service (its own image, probes from
 * MicroProfile Health, resources from the design document's memory sizes), a Service per HTTP service,
 * ttl-updater as a worker without Service, an HPA per service.
 */
class WorkloadsTest {

    static final List<String> SERVICES = List.of("admin-service", "billing-service", "chat-service", "health-check",
            "notification-service", "tree-service", "ttl-updater", "user-service", "webhook-service");
    static final List<String> HTTP_SERVICES = SERVICES.stream().filter(s -> !s.equals("ttl-updater")).toList();

    private final RenderedChart chart = RenderedChart.withDefaults();

    @Test
    void aDeploymentPerService_aServicePerHttpService_andTheWorkerHasNone() {
        assertThat(chart.componentsOf("Deployment")).containsExactlyElementsOf(SERVICES);
        assertThat(chart.componentsOf("Service")).containsExactlyElementsOf(HTTP_SERVICES);
        assertThat(chart.componentsOf("ConfigMap")).containsExactlyInAnyOrder(
                java.util.stream.Stream.concat(SERVICES.stream(), java.util.stream.Stream.of("logging")).toArray(String[]::new));
        assertThat(chart.configOf("ttl-updater")).containsEntry("HOMEBIYORI_TTL_UPDATER_WORKER_ENABLED", "true");
        for (String http : HTTP_SERVICES) {
            assertThat(chart.configOf(http)).doesNotContainKey("HOMEBIYORI_TTL_UPDATER_WORKER_ENABLED");
        }
    }

    @Test
    void eachPod_runsItsOwnImage_andServesHttpOn8080() {
        for (String service : SERVICES) {
            JsonNode container = chart.container(service);
            assertThat(container.path("image").asText()).isEqualTo("homebiyori/" + service + ":1.0.0-SNAPSHOT");
            assertThat(container.path("ports").get(0).path("name").asText()).isEqualTo("http");
            assertThat(container.path("ports").get(0).path("containerPort").asInt()).isEqualTo(8080);
            assertThat(chart.configOf(service)).containsEntry("SERVER_PORT", "8080");
            JsonNode selector = chart.get("Deployment", "homebiyori-" + service).path("spec").path("selector").path("matchLabels");
            assertThat(selector.path("app.kubernetes.io/component").asText()).isEqualTo(service);
        }
    }

    @Test
    void probes_areMicroProfileHealth_onTheHttpPort() {
        for (String service : SERVICES) {
            JsonNode c = chart.container(service);
            assertThat(c.path("startupProbe").path("httpGet").path("path").asText()).isEqualTo("/health/started");
            assertThat(c.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/health/live");
            assertThat(c.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/health/ready");
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertThat(c.path(probe).path("httpGet").path("port").asText()).as(service + " " + probe).isEqualTo("http");
            }
            // readiness waits for the dependency checks (1.5 s timeout each, run together, + margin) and takes a
            // pod out only after ~30 s of failure; liveness leaves a stuck poller its own bound first
            JsonNode ready = c.path("readinessProbe");
            assertThat(ready.path("timeoutSeconds").asInt()).as(service).isEqualTo(3);
            assertThat(ready.path("periodSeconds").asInt() * ready.path("failureThreshold").asInt()).as(service).isEqualTo(30);
            assertThat(c.path("livenessProbe").path("timeoutSeconds").asInt()).as(service).isGreaterThanOrEqualTo(2);
        }
    }

    /** Design document memory (the heap) + 256 MiB non-heap = limit = request; CPU request by Lambda's 1769 MB per vCPU. */
    @ParameterizedTest
    @CsvSource({
            "chat-service,         1024, 1280Mi, 578m, 75",
            "tree-service,          512,  768Mi, 289m, 45",
            "user-service,          256,  512Mi, 144m, 30",
            "billing-service,       512,  768Mi, 289m, 45",
            "webhook-service,       256,  512Mi, 144m, 30",
            "notification-service,  256,  512Mi, 144m, 30",
            "ttl-updater,           256,  512Mi, 144m, 315",
            "health-check,          128,  384Mi, 100m, 20",
            "admin-service,         512,  768Mi, 289m, 45"})
    void resources_followTheDesignDocumentsMemorySizes(String service, int heapMb, String memory, String cpu, int grace) {
        JsonNode c = chart.container(service);
        assertThat(c.path("resources").path("limits").path("memory").asText()).isEqualTo(memory);
        assertThat(c.path("resources").path("requests").path("memory").asText()).isEqualTo(memory);
        assertThat(c.path("resources").path("requests").path("cpu").asText()).isEqualTo(cpu);
        assertThat(c.path("resources").path("limits").has("cpu")).as("no CPU limit").isFalse();
        assertThat(chart.configOf(service).get("JDK_JAVA_OPTIONS")).startsWith("-Xmx" + heapMb + "m ")
                .contains("-XX:+ExitOnOutOfMemoryError");
        assertThat(chart.get("Deployment", "homebiyori-" + service).path("spec").path("template").path("spec")
                .path("terminationGracePeriodSeconds").asInt()).isEqualTo(grace);
    }

    @Test
    void anHpaPerService_scalingItsDeployment_andReplicasLeftToIt() {
        assertThat(chart.componentsOf("HorizontalPodAutoscaler")).containsExactlyElementsOf(SERVICES);
        for (String service : SERVICES) {
            JsonNode hpa = chart.get("HorizontalPodAutoscaler", "homebiyori-" + service).path("spec");
            assertThat(hpa.path("scaleTargetRef").path("kind").asText()).isEqualTo("Deployment");
            assertThat(hpa.path("scaleTargetRef").path("name").asText()).isEqualTo("homebiyori-" + service);
            assertThat(hpa.path("minReplicas").asInt()).isPositive().isLessThanOrEqualTo(hpa.path("maxReplicas").asInt());
            assertThat(hpa.path("metrics").get(0).path("resource").path("name").asText()).isEqualTo("cpu");
            assertThat(chart.get("Deployment", "homebiyori-" + service).path("spec").has("replicas")).isFalse();
        }
        assertThat(chart.get("HorizontalPodAutoscaler", "homebiyori-chat-service").path("spec").path("maxReplicas").asInt()).isEqualTo(5);
    }

    @Test
    void withoutAutoscaling_theDeploymentsCarryTheirReplicas() {
        RenderedChart fixed = RenderedChart.render(t -> t.set("autoscaling.enabled", "false"));
        assertThat(fixed.ofKind("HorizontalPodAutoscaler")).isEmpty();
        assertThat(fixed.get("Deployment", "homebiyori-user-service").path("spec").path("replicas").asInt()).isEqualTo(2);
        assertThat(fixed.get("Deployment", "homebiyori-admin-service").path("spec").path("replicas").asInt()).isEqualTo(1);
    }

    @Test
    void pods_runAsNonRoot_onAReadOnlyRootFileSystem() {
        for (String service : SERVICES) {
            JsonNode pod = chart.get("Deployment", "homebiyori-" + service).path("spec").path("template").path("spec");
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
            JsonNode c = chart.container(service);
            assertThat(c.path("securityContext").path("readOnlyRootFilesystem").asBoolean()).isTrue();
            assertThat(c.path("securityContext").path("allowPrivilegeEscalation").asBoolean()).isFalse();
            assertThat(c.path("volumeMounts").get(0).path("mountPath").asText()).isEqualTo("/tmp");
        }
    }

    @Test
    void everyService_getsTheSameChartWideConfig() {
        for (String service : SERVICES) {
            Map<String, String> config = chart.configOf(service);
            assertThat(config).containsEntry("HOMEBIYORI_ENV", "prod")
                    .containsEntry("HOMEBIYORI_AWS_REGION", "ap-northeast-1")
                    .containsEntry("HOMEBIYORI_PARAMETERS_SOURCE", "ssm")
                    .containsEntry("HOMEBIYORI_PARAMETERS_CACHE_SECONDS", "30")
                    // no pool configured by default: no half-made Cognito URLs (the pods then refuse to start, loudly)
                    .doesNotContainKeys("HOMEBIYORI_AUTH_USER_POOL_JWKS_URL", "HOMEBIYORI_AUTH_ADMIN_POOL_ISSUER");
        }
    }

    @Test
    void everyPod_logsJsonLines_throughTheMountedLoggingConfig() {
        String properties = chart.get("ConfigMap", "homebiyori-logging").path("data").path("logging.properties").asText();
        assertThat(properties).contains("java.util.logging.ConsoleHandler.formatter=jp.homebiyori.common.logging.JsonLogFormatter")
                .contains("homebiyori.access.level=INFO").contains("io.helidon.level=WARNING");
        for (String service : SERVICES) {
            assertThat(chart.configMapMounts(service)).containsOnlyKeys("/etc/homebiyori/logging");
            assertThat(chart.configOf(service).get("JDK_JAVA_OPTIONS"))
                    .contains("-Djava.util.logging.config.file=/etc/homebiyori/logging/logging.properties");
        }
    }

    @Test
    void podDisruptionBudgets_onlyWhereTwoPodsRunAtLeast() {
        assertThat(chart.componentsOf("PodDisruptionBudget")).containsExactly("billing-service", "chat-service",
                "health-check", "notification-service", "tree-service", "user-service", "webhook-service");
    }
}
