package jp.homebiyori.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.homebiyori.lambda.packaging.LambdaPackager;
import jp.homebiyori.lambda.packaging.LambdaPackager.Function;
import jp.homebiyori.testkit.RawHttp;
import jp.homebiyori.testkit.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Lambda packages of target/lambda/ as AWS would run them (after {@code package}): each function's
 * package holds its own service code only, repeats no jar of its layers, and — started in a fresh JVM
 * from nothing but its package and layers, with the heap its memory size allows — serves its routes,
 * refuses a caller without a token, and does not know the routes of the other functions.
 */
class LambdaPackagesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DIR = Path.of(System.getProperty("lambda.dir", "target/lambda"));
    private static List<Function> functions;

    /** One function's requests: its own route (with the caller it needs), and a route of another function. */
    record Case(String function, String ownMethod, String ownPath, String caller, String foreignPath) {
        @Override
        public String toString() {
            return function;
        }
    }

    static Stream<Case> httpFunctions() {
        return Stream.of(
                new Case("chat-service", "GET", "/api/chat/history", "user", "/api/tree/status"),
                new Case("tree-service", "GET", "/api/tree/status", "user", "/api/chat/history"),
                new Case("user-service", "GET", "/api/users/onboarding-status", "user", "/api/tree/status"),
                new Case("billing-service", "GET", "/api/billing/subscription", "user", "/api/users/profile"),
                new Case("webhook-service", "GET", "/api/webhook/health", "none", "/api/billing/subscription"),
                new Case("notification-service", "GET", "/api/notifications/unread-count", "user", "/api/users/profile"),
                new Case("health-check", "GET", "/api/health", "none", "/api/users/profile"),
                new Case("admin-service", "GET", "/api/admin/dashboard", "admin", "/api/users/profile"));
    }

    @BeforeAll
    static void functions() throws IOException {
        functions = LambdaPackager.readFunctions(Path.of(System.getProperty("lambda.functions", "src/lambda/functions.csv")));
    }

    private static Function function(String name) {
        return functions.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    private static Path layer(String name) {
        return DIR.resolve("layers").resolve(name + ".zip");
    }

    private static List<Path> layersOf(Function f) {
        List<Path> layers = new ArrayList<>(List.of(layer("homebiyori-common-layer")));
        if (f.usesAiLayer()) {
            layers.add(layer("homebiyori-ai-layer"));
        }
        return layers;
    }

    private static List<String> jars(Path zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> e = file.entries(); e.hasMoreElements(); ) {
                String name = e.nextElement().getName();
                names.add(name.substring(name.lastIndexOf('/') + 1));
            }
        }
        return names;
    }

    /** "stripe-java-29.5.0.jar" → "stripe-java": the same library at another version is still a repeat. */
    private static String library(String jar) {
        return jar.replaceFirst("-\\d[^-]*(-SNAPSHOT)?(-[a-z]+)?\\.jar$", "");
    }

    @Test
    void everyFunctionsPackage_holdsItsServiceJarOnly_andRepeatsNoJarOfItsLayers() throws IOException {
        assertThat(functions).hasSize(9);
        Set<String> common = new HashSet<>(jars(layer("homebiyori-common-layer")).stream().map(LambdaPackagesIT::library).toList());
        Set<String> ai = new HashSet<>(jars(layer("homebiyori-ai-layer")).stream().map(LambdaPackagesIT::library).toList());
        assertThat(common).as("the layers share nothing").doesNotContainAnyElementsOf(ai);
        assertThat(ai).contains("homebiyori-ai", "bedrockruntime");
        assertThat(common).contains("homebiyori-common", "homebiyori-lambda-adapter", "aws-serverless-java-container-jersey")
                .as("no web server in Lambda").doesNotContain("helidon-microprofile-server", "helidon-webserver");
        for (Function f : functions) {
            List<String> own = jars(DIR.resolve("functions").resolve(f.name() + ".zip")).stream().map(LambdaPackagesIT::library).toList();
            assertThat(own).as(f.name()).contains(f.artifact()).doesNotContainAnyElementsOf(common);
            assertThat(own).as(f.name()).doesNotContainAnyElementsOf(ai);
            assertThat(own.stream().filter(j -> j.startsWith("homebiyori-") && j.endsWith("-service") || j.equals("homebiyori-health-check")
                    || j.equals("homebiyori-ttl-updater"))).as("%s ships no other service", f.name()).containsExactly(f.artifact());
        }
    }

    @ParameterizedTest
    @MethodSource("httpFunctions")
    void everyHttpFunction_startsFromItsPackageAndLayers_andServesOnlyItsOwnRoutes(Case c) throws Exception {
        Function f = function(c.function());
        String sub = "pkg-" + UUID.randomUUID();
        String token = switch (c.caller()) {
            case "user" -> TestStack.userToken(sub);
            case "admin" -> TestStack.adminToken(sub);
            default -> null;
        };
        List<String> events = new ArrayList<>();
        ApiEvent own = ApiEvent.restApi(c.ownMethod(), c.ownPath());
        events.add((token == null ? own : own.bearer(token)).json());
        events.add(ApiEvent.restApi(c.ownMethod(), c.ownPath()).json());
        ApiEvent foreign = ApiEvent.restApi("GET", c.foreignPath());
        events.add((token == null ? foreign : foreign.bearer(token)).json());

        List<RawHttp.Reply> replies = run(f, events);

        RawHttp.Reply served = replies.get(0);
        assertThat(served.status()).as("%s %s answered %s", c.function(), c.ownPath(), served.body()).isBetween(200, 299);
        RawHttp.Reply anonymous = replies.get(1);
        if (c.caller().equals("none")) {
            assertThat(anonymous.status()).isEqualTo(200);
        } else {
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(anonymous.json().path("code").asText()).isEqualTo("UNAUTHORIZED");
        }
        RawHttp.Reply elsewhere = replies.get(2);
        assertThat(elsewhere.status()).as("%s must not serve %s", c.function(), c.foreignPath()).isIn(401, 404);
        if (elsewhere.status() == 404) {
            assertThat(elsewhere.json().path("code").asText()).isEqualTo("NOT_FOUND");
        }
    }

    @Test
    void ttlUpdater_startsFromItsPackageAndLayers_andTakesAnSqsBatch() throws Exception {
        Path marker = Files.createTempFile("batch", ".sqs-empty");
        List<String> outputs = invoke(function("ttl-updater"), List.of(marker));
        assertThat(outputs).containsExactly("{\"batchItemFailures\":0}");
    }

    private List<RawHttp.Reply> run(Function f, List<String> events) throws Exception {
        List<Path> files = new ArrayList<>();
        for (String event : events) {
            Path file = Files.createTempFile("event", ".json");
            Files.writeString(file, event);
            files.add(file);
        }
        List<RawHttp.Reply> replies = new ArrayList<>();
        for (String output : invoke(f, files)) {
            replies.add(ApiEvent.reply(JSON.readTree(output)));
        }
        return replies;
    }

    /** Unpacks the function as Lambda would (/opt/java/lib + the package's lib/) and runs the events in one fresh JVM. */
    private List<String> invoke(Function f, List<Path> eventFiles) throws Exception {
        Path root = Files.createTempDirectory("lambda-" + f.name());
        List<String> classpath = new ArrayList<>();
        for (Path zip : layersOf(f)) {
            classpath.addAll(unzip(zip, root.resolve("opt")));
        }
        classpath.addAll(unzip(DIR.resolve("functions").resolve(f.name() + ".zip"), root.resolve("task")));

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + (f.memoryMb() * 85 / 100) + "m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", String.join(java.io.File.pathSeparator, classpath)));
        Map<String, String> config = TestStack.freshConfig();
        config.put("homebiyori.internal.base-url", "http://127.0.0.1:" + TestStack.freePort());
        config.remove("homebiyori.cors.allowed-origins");
        config.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add(Path.of(System.getProperty("homebiyori.root", ".."), "lambda-adapter/src/test/resources/lambda/Invoke.java").toString());
        command.add(f.handler().substring(0, f.handler().indexOf("::")));
        eventFiles.forEach(p -> command.add(p.toString()));

        Path log = root.resolve("stderr.log");
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        String stdout;
        try (InputStream in = process.getInputStream()) {
            stdout = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        boolean done = process.waitFor(120, TimeUnit.SECONDS);
        assertThat(done).as("%s finished", f.name()).isTrue();
        String stderr = Files.readString(log);
        assertThat(process.exitValue()).as("%s exited; stderr:%n%s", f.name(), tail(stderr)).isZero();
        List<String> outputs = stdout.lines().filter(l -> l.startsWith("RESPONSE "))
                .map(l -> new String(Base64.getDecoder().decode(l.substring(9)), StandardCharsets.UTF_8)).toList();
        assertThat(outputs).as("%s answered every event; stderr:%n%s", f.name(), tail(stderr)).hasSize(eventFiles.size());
        return outputs;
    }

    private static String tail(String text) {
        return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
    }

    private static List<String> unzip(Path zip, Path into) throws IOException {
        List<String> jars = new ArrayList<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> e = file.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                Path target = into.resolve(entry.getName()).normalize();
                Files.createDirectories(target.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                jars.add(target.toString());
            }
        }
        return jars;
    }
}
