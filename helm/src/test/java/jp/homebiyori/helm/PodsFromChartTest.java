package jp.homebiyori.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jp.homebiyori.client.internal.api.InternalNotificationsApi;
import jp.homebiyori.client.internal.model.CreateNotificationRequest;
import jp.homebiyori.client.internal.model.NotificationPriority;
import jp.homebiyori.client.internal.model.NotificationType;
import jp.homebiyori.client.internal.model.SourceLambda;
import jp.homebiyori.client.user.api.NotificationsApi;
import jp.homebiyori.client.user.model.Notification;
import jp.homebiyori.testkit.ApiClients;
import jp.homebiyori.testkit.RawHttp;
import jp.homebiyori.testkit.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration the chart renders really configures the pods: each service is started the way its
 * container would be (io.helidon.microprofile.cdi.Main with only that service's jar among the services,
 * nothing but the environment of its rendered Deployment - ConfigMap, Secret references resolved
 * against a test Secret, the logging ConfigMap volume), against dynalite, ElasticMQ and the development
 * token issuer standing in for DynamoDB, SQS and Cognito. Kubernetes cannot run here and the images are
 * not built here, so the JVM runs the same jars from the test class path. This proves the
 * environment-variable names (MicroProfile's mapping, the dotted socket and parameter names), that every
 * service starts with what the chart gives it, and the internal API's separate socket.
 */
class PodsFromChartTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, String> SECRET = Map.of(
            "pagination-key", "pod-test-pagination-key-0123456789",
            "internal-api-key", "pod-test-internal-key-0123456789",
            "stripe-api-key", "sk_test_pod_chart",
            "stripe-webhook-secret", "whsec_pod_chart");
    private static final List<String> SERVICE_MODULES = List.of("health-check", "user", "tree", "chat", "billing",
            "webhook", "notification", "ttl-updater", "admin");

    private static Map<String, String> stack;
    private static String ttlQueueUrl;

    @TempDir
    Path temp;

    private Process pod;

    @BeforeAll
    static void standIns() {
        stack = TestStack.freshConfig();
        ttlQueueUrl = TestStack.elasticMq().createQueueWithDlq("pods-" + UUID.randomUUID().toString().substring(0, 8), 3);
    }

    @AfterEach
    void stopPod() throws InterruptedException {
        if (pod != null) {
            pod.destroy();
            if (!pod.waitFor(20, TimeUnit.SECONDS)) {
                pod.destroyForcibly();
            }
        }
    }

    /** Every service starts from its rendered configuration, serves its own API and no other service's. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "health-check,         /api/health,          200, /api/chat/history",
            "user-service,         /api/users/profile,   401, /api/tree/status",
            "tree-service,         /api/tree/status,     401, /api/users/profile",
            "chat-service,         /api/chat/history,    401, /api/notifications",
            "billing-service,      /api/billing/subscription, 401, /api/health",
            "webhook-service,      /api/webhook/health,  200, /api/billing/subscription",
            "notification-service, /api/notifications,   401, /api/admin/dashboard",
            "admin-service,        /api/admin/dashboard, 401, /api/notifications"})
    void httpService_startsFromItsRenderedConfig_andServesOnlyItsOwnApi(String service, String own, int status, String foreign)
            throws Exception {
        Ports ports = Ports.free();
        Path log = startPod(service, ports);

        RawHttp.Reply reply = RawHttp.get(ports.http(), own, Map.of());
        assertThat(reply.status()).as(own + " " + reply.body()).isEqualTo(status);
        assertThat(reply.json()).as("a JSON body").isNotNull();
        assertThat(RawHttp.get(ports.http(), foreign, Map.of()).status()).as(foreign + " belongs to another pod").isEqualTo(404);
        assertThat(jsonLog(log)).as("every log line is JSON").isNotEmpty();
    }

    @Test
    void ttlUpdaterPod_startsItsQueueWorker_andHasProbesButNoApi() throws Exception {
        Ports ports = Ports.free();
        Path log = startPod("ttl-updater", ports);

        assertThat(RawHttp.get(ports.http(), "/health/live", Map.of()).status()).isEqualTo(200);
        assertThat(RawHttp.get(ports.http(), "/api/health", Map.of()).status()).isEqualTo(404);
        Instant deadline = Instant.now().plusSeconds(10);
        while (jsonLog(log).stream().noneMatch(l -> l.path("message").asText().startsWith("TTL queue worker polling " + ttlQueueUrl))) {
            assertThat(Instant.now()).as("the worker's start line in " + log).isBefore(deadline);
            Thread.sleep(200);
        }
    }

    @Test
    void notificationPod_servesTheInternalApiOnlyOnItsOwnPort_withTheKeyFromTheSecret() throws Exception {
        Ports ports = Ports.free();
        Path log = startPod("notification-service", ports);
        int http = ports.http();
        int internal = ports.internal();

        assertThat(RawHttp.send(http, "POST", "/internal/notifications/create", "application/json", "{}", Map.of()).status())
                .isEqualTo(404);
        String user = "pod-" + UUID.randomUUID();
        var created = new InternalNotificationsApi(ApiClients.internal(internal, SECRET.get("internal-api-key"), "webhook-service"))
                .createNotificationWithHttpInfo(SourceLambda.WEBHOOK_SERVICE, new CreateNotificationRequest().userId(user)
                        .type(NotificationType.PLAN_CHANGE_COMPLETED).title("プラン変更完了").message("chart test")
                        .priority(NotificationPriority.NORMAL).sourceLambda(SourceLambda.WEBHOOK_SERVICE));
        assertThat(created.getStatusCode()).isEqualTo(201);
        assertThat(RawHttp.send(internal, "POST", "/internal/notifications/create", "application/json", "{}",
                Map.of("X-API-Key", "wrong", "X-Source-Lambda", "webhook-service")).status()).isEqualTo(401);
        assertThat(RawHttp.get(internal, "/api/notifications", Map.of()).status()).as("user API not on the internal port").isEqualTo(404);

        // the user API on the http port: Cognito settings, table prefix and DynamoDB endpoint all from the env
        List<Notification> items = new NotificationsApi(ApiClients.user(http, TestStack.userToken(user)))
                .listNotifications(10, null, null).getItems();
        assertThat(items).extracting(Notification::getTitle).containsExactly("プラン変更完了");

        assertThat(jsonLog(log)).filteredOn(l -> l.path("logger").asText().equals("homebiyori.access"))
                .anySatisfy(line -> {
                    assertThat(line.path("route").asText()).isEqualTo("/api/notifications");
                    assertThat(line.path("status").asInt()).isEqualTo(200);
                });
    }

    private record Ports(int http, int internal) {
        static Ports free() {
            return new Ports(TestStack.freePort(), TestStack.freePort());
        }
    }

    /** Renders the chart for this machine's stand-ins, starts the service's pod and waits for its readiness probe. */
    private Path startPod(String service, Ports ports) throws Exception {
        Path values = valuesFor(ports);
        RenderedChart chart = RenderedChart.render(t -> t.withValuesFile(values));
        Map<String, String> env = chart.podEnvironment(service, SECRET);
        mountConfigMaps(chart.configMapMounts(service), env);
        Path log = Files.createDirectories(Path.of("target", "pod-logs")).resolve(service + ".log");
        Files.deleteIfExists(log);
        pod = start(service, env, log);
        awaitReady(service, ports.http(), log);
        return log;
    }

    /** Chart values pointing the services at the stand-ins, on free ports, with parameters from the Secret. */
    private Path valuesFor(Ports ports) throws IOException {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("environment", stack.get("homebiyori.env"));
        values.put("aws", Map.of("region", "ap-northeast-1", "endpoints", Map.of(
                "dynamodb", stack.get("homebiyori.dynamodb.endpoint"),
                "sqs", TestStack.elasticMq().endpoint().toString())));
        values.put("sqs", Map.of("ttlQueueUrl", ttlQueueUrl, "ttlDlqUrl", ttlQueueUrl + "-dlq"));
        values.put("parameters", Map.of("source", "kubernetes"));
        values.put("ports", Map.of("http", ports.http(), "internal", ports.internal()));
        values.put("cognito", Map.of("userPool", pool("user-pool", "ap-northeast-1_PodTest1"),
                "adminPool", pool("admin-pool", "ap-northeast-1_PodTest2")));
        Path file = temp.resolve("pod-test-values.yaml");
        YAML.writeValue(file.toFile(), values);
        return file;
    }

    private static Map<String, String> pool(String pool, String id) {
        String prefix = "homebiyori.auth." + pool + ".";
        return Map.of("id", id, "jwksUrl", stack.get(prefix + "jwks-url"), "issuer", stack.get(prefix + "issuer"),
                "clientId", stack.get(prefix + "client-id"));
    }

    /** What the kubelet does for the ConfigMap volumes: files under a directory, which env values name by mount path. */
    private void mountConfigMaps(Map<String, Map<String, String>> mounts, Map<String, String> env) throws IOException {
        assertThat(mounts).isNotEmpty();
        for (var mount : mounts.entrySet()) {
            Path dir = Files.createDirectories(temp.resolve("mounts" + mount.getKey()));
            for (var file : mount.getValue().entrySet()) {
                Files.writeString(dir.resolve(file.getKey()), file.getValue());
            }
            env.replaceAll((name, value) -> value.replace(mount.getKey(), dir.toString()));
        }
    }

    /** The container's command line: this service's jar and the shared ones, nothing but the pod's environment (and PATH). */
    private static Process start(String service, Map<String, String> env, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", classPathOf(service), "io.helidon.microprofile.cdi.Main");
        Map<String, String> environment = builder.environment();
        String path = environment.get("PATH");
        environment.clear();
        environment.put("PATH", path);
        environment.putAll(env);
        return builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** The test class path without the other services (as in reactor target/ directories or in ~/.m2). */
    private static String classPathOf(String service) {
        String module = service.replace("-service", "");
        List<String> others = SERVICE_MODULES.stream().filter(m -> !m.equals(module)).toList();
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> others.stream().noneMatch(m -> belongsTo(entry, m)))
                .collect(Collectors.joining(File.pathSeparator));
        assertThat(classPath).as("the service's own jar").matches(".*(/services/" + module + "/target/|/homebiyori-" + service + "/).*");
        return classPath;
    }

    private static boolean belongsTo(String entry, String module) {
        String artifact = "homebiyori-" + (module.equals("health-check") || module.equals("ttl-updater") ? module : module + "-service");
        return entry.contains("/services/" + module + "/target/") || entry.contains("/" + artifact + "/");
    }

    /** Parameter Store everywhere (the maintenance filter), DynamoDB (the domain's repositories), SQS where a queue is used. */
    static List<String> readinessChecksOf(String service) {
        return switch (service) {
            case "webhook-service", "admin-service", "ttl-updater" -> List.of("dynamodb", "sqs", "parameter-store");
            default -> List.of("dynamodb", "parameter-store");
        };
    }

    private void awaitReady(String service, int port, Path log) throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!pod.isAlive()) {
                List<String> lines = Files.readAllLines(log).stream().filter(l -> !l.startsWith("\tat ")).toList();
                throw new AssertionError(service + "'s JVM exited with " + pod.exitValue() + "; the end of " + log + ":\n"
                        + String.join("\n", lines.subList(Math.max(0, lines.size() - 8), lines.size())));
            }
            try {
                RawHttp.Reply ready = RawHttp.get(port, "/health/ready", Map.of());
                if (ready.status() == 200) {
                    assertThat(ready.json().path("status").asText()).isEqualTo("UP");
                    // readiness checks only the dependencies the service uses (shared/probes)
                    List<String> checks = ready.json().path("checks").findValuesAsText("name");
                    if (service.equals("health-check")) {
                        // this class path keeps the shared modules (the domain's repositories among them) that
                        // health-check's image lacks; its exact set is services/health-check ProbesTest's
                        assertThat(checks).as(ready.body()).contains("parameter-store").doesNotContain("sqs");
                    } else {
                        assertThat(checks).as(service + ": " + ready.body()).containsExactlyInAnyOrderElementsOf(readinessChecksOf(service));
                    }
                    return;
                }
            } catch (RuntimeException notYetListening) {
                // connection refused while the JVM starts
            }
            Thread.sleep(250);
        }
        throw new AssertionError(service + " did not become ready within 90 s; see " + log);
    }

    /**
     * The pod's log records: once the logging config is read, every line is one JSON object (before that
     * only the JVM's own notice of JDK_JAVA_OPTIONS and Helidon's remark that it configures no logging).
     */
    private static List<JsonNode> jsonLog(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log).stream()
                .filter(l -> !l.startsWith("NOTE: Picked up JDK_JAVA_OPTIONS") && !l.startsWith("There is no Helidon logging"))
                .toList();
        ObjectMapper json = new ObjectMapper();
        return lines.stream().map(l -> {
            try {
                return json.readTree(l);
            } catch (IOException e) {
                throw new AssertionError("not a JSON log line: " + l, e);
            }
        }).toList();
    }
}
