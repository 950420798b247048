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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration the chart renders really configures a pod: notification-service is started the
 * way its container would be (io.helidon.microprofile.cdi.Main, nothing but the environment of its
 * rendered Deployment: ConfigMap + Secret references resolved against a test Secret), against
 * dynalite and the development token issuer standing in for DynamoDB and Cognito. Kubernetes itself
 * cannot run here; the image is not built here either, so the JVM runs the same jars from the test
 * classpath. This proves the environment-variable names (MicroProfile's mapping, the dotted socket and
 * parameter names) and the internal API's separate socket.
 */
class PodFromChartTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String PAGINATION_KEY = "pod-test-pagination-key-0123456789";
    private static final String INTERNAL_KEY = "pod-test-internal-key-0123456789";

    @TempDir
    Path temp;

    private Process pod;

    @AfterEach
    void stopPod() throws InterruptedException {
        if (pod != null) {
            pod.destroy();
            if (!pod.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                pod.destroyForcibly();
            }
        }
    }

    @Test
    void notificationPod_servesUserApiAndProbesOnHttp_andTheInternalApiOnlyOnItsOwnPort() throws Exception {
        int http = TestStack.freePort();
        int internal = TestStack.freePort();
        Map<String, String> stack = TestStack.freshConfig();
        Path values = valuesFor(stack, http, internal);
        RenderedChart chart = RenderedChart.render(t -> t.withValuesFile(values));
        Map<String, String> env = chart.podEnvironment("notification-service", Map.of(
                "pagination-key", PAGINATION_KEY, "internal-api-key", INTERNAL_KEY));
        assertThat(env).containsEntry("homebiyori.parameters.internal.api_key", INTERNAL_KEY)
                .containsEntry("HOMEBIYORI_PAGINATION_KEY", PAGINATION_KEY)
                .containsKey("JDK_JAVA_OPTIONS");

        mountConfigMaps(chart.configMapMounts("notification-service"), env);

        Path log = Files.createDirectories(Path.of("target", "pod-logs")).resolve("notification-service.log");
        Files.deleteIfExists(log);
        pod = start(env, log);
        awaitReady(http, log);

        // the probes of the Deployment answer on the http port
        assertThat(RawHttp.get(http, "/health/live", Map.of()).status()).isEqualTo(200);

        // the internal API: only on its own port, with the key from the Secret (a dotted parameter name)
        assertThat(RawHttp.send(http, "POST", "/internal/notifications/create", "application/json", "{}", Map.of()).status())
                .isEqualTo(404);
        String user = "pod-" + UUID.randomUUID();
        var created = new InternalNotificationsApi(ApiClients.internal(internal, INTERNAL_KEY, "webhook-service"))
                .createNotificationWithHttpInfo(SourceLambda.WEBHOOK_SERVICE, new CreateNotificationRequest().userId(user)
                        .type(NotificationType.PLAN_CHANGE_COMPLETED).title("プラン変更完了").message("chart test")
                        .priority(NotificationPriority.NORMAL).sourceLambda(SourceLambda.WEBHOOK_SERVICE));
        assertThat(created.getStatusCode()).isEqualTo(201);
        assertThat(RawHttp.send(internal, "POST", "/internal/notifications/create", "application/json", "{}",
                Map.of("X-API-Key", "wrong", "X-Source-Lambda", "webhook-service")).status()).isEqualTo(401);

        // the user API on the http port: Cognito settings, table prefix and DynamoDB endpoint all from the env
        List<Notification> items = new NotificationsApi(ApiClients.user(http, TestStack.userToken(user)))
                .listNotifications(10, null, null).getItems();
        assertThat(items).extracting(Notification::getTitle).containsExactly("プラン変更完了");
        assertThat(RawHttp.get(http, "/api/notifications", Map.of()).status()).as("no token").isEqualTo(401);

        // the mounted logging.properties makes every log record one JSON line, the access log included
        List<JsonNode> accessLines = Files.readAllLines(log).stream().filter(l -> l.startsWith("{"))
                .map(PodFromChartTest::json).filter(j -> j.path("logger").asText().equals("homebiyori.access")).toList();
        assertThat(accessLines).anySatisfy(line -> {
            assertThat(line.path("route").asText()).isEqualTo("/api/notifications");
            assertThat(line.path("status").asInt()).isEqualTo(200);
        });
        assertThat(Files.readAllLines(log)).noneMatch(l -> l.startsWith("INFO: ") || l.startsWith("WARNING: "));
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

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not a JSON log line: " + line, e);
        }
    }

    /** Chart values pointing the services at this machine's stand-ins, on free ports, with parameters from the Secret. */
    private Path valuesFor(Map<String, String> stack, int http, int internal) throws IOException {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("environment", stack.get("homebiyori.env"));
        values.put("aws", Map.of("region", "ap-northeast-1", "endpoints", Map.of("dynamodb", stack.get("homebiyori.dynamodb.endpoint"))));
        values.put("parameters", Map.of("source", "kubernetes"));
        values.put("ports", Map.of("http", http, "internal", internal));
        values.put("cognito", Map.of("userPool", pool(stack, "user-pool"), "adminPool", pool(stack, "admin-pool")));
        values.put("config", Map.of("homebiyori.rate-limit.per-minute", "100000"));
        Path file = temp.resolve("pod-test-values.yaml");
        YAML.writeValue(file.toFile(), values);
        return file;
    }

    private static Map<String, String> pool(Map<String, String> stack, String pool) {
        String prefix = "homebiyori.auth." + pool + ".";
        return Map.of("jwksUrl", stack.get(prefix + "jwks-url"), "issuer", stack.get(prefix + "issuer"),
                "clientId", stack.get(prefix + "client-id"));
    }

    /** The container's command line with nothing but the pod's environment (and PATH). */
    private static Process start(Map<String, String> env, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "io.helidon.microprofile.cdi.Main");
        Map<String, String> environment = builder.environment();
        String path = environment.get("PATH");
        environment.clear();
        environment.put("PATH", path);
        environment.putAll(env);
        return builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private void awaitReady(int port, Path log) throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!pod.isAlive()) {
                List<String> lines = Files.readAllLines(log).stream().filter(l -> !l.startsWith("\tat ")).toList();
                throw new AssertionError("the pod's JVM exited with " + pod.exitValue() + "; the end of " + log + ":\n"
                        + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())));
            }
            try {
                RawHttp.Reply ready = RawHttp.get(port, "/health/ready", Map.of());
                if (ready.status() == 200) {
                    JsonNode body = ready.json();
                    assertThat(body.path("status").asText()).isEqualTo("UP");
                    return;
                }
            } catch (RuntimeException notYetListening) {
                // connection refused while the JVM starts
            }
            Thread.sleep(250);
        }
        throw new AssertionError("notification-service did not become ready within 90 s; see " + log);
    }
}
