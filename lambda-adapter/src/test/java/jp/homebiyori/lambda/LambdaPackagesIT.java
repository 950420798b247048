package jp.homebiyori.lambda;

import jp.homebiyori.testkit.lambda.ApiEvent;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.homebiyori.testkit.RawHttp;
import jp.homebiyori.testkit.TestStack;
import jp.homebiyori.testkit.lambda.LambdaFunction;
import jp.homebiyori.testkit.lambda.LambdaPackageRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Lambda packages of target/lambda/ as AWS would run them (after {@code package}): each function's
 * package holds its own service code only, repeats no jar of its layers, and — started in a fresh JVM
 * from nothing but its package and layers, with the heap its memory size allows — serves its routes,
 * refuses a caller without a token, and does not know the routes of the other functions.
 */
class LambdaPackagesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static List<LambdaFunction> functions;

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
        functions = LambdaFunction.all();
    }

    private static LambdaFunction function(String name) {
        return functions.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    private static Path layer(String name) {
        return LambdaPackageRunner.layer(name);
    }

    private static List<String> jars(Path zip) throws IOException {
        return LambdaPackageRunner.jars(zip);
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
        for (LambdaFunction f : functions) {
            List<String> all = new java.util.ArrayList<>(common);
            all.addAll(jars(LambdaPackageRunner.functionPackage(f)).stream().map(LambdaPackagesIT::library).toList());
            assertThat(all).as("%s: no CDI container (Beans wires the beans), SmallRye's MicroProfile Config, not Helidon's", f.name())
                    .doesNotContain("helidon-microprofile-cdi", "weld-core-impl", "weld-se-core", "weld-environment-common",
                            "jersey-cdi1x", "jersey-weld2-se", "jboss-classfilewriter", "helidon-config-encryption",
                            "helidon-config-mp", "helidon-microprofile-config", "helidon-config")
                    .contains("jakarta.enterprise.cdi-api", "smallrye-config-core", "microprofile-config-api", "hibernate-validator");
        }
        for (LambdaFunction f : functions) {
            List<String> own = jars(LambdaPackageRunner.functionPackage(f)).stream().map(LambdaPackagesIT::library).toList();
            assertThat(own).as(f.name()).contains(f.artifact()).doesNotContainAnyElementsOf(common);
            assertThat(own).as(f.name()).doesNotContainAnyElementsOf(ai);
            assertThat(own.stream().filter(j -> j.startsWith("homebiyori-") && j.endsWith("-service") || j.equals("homebiyori-health-check")
                    || j.equals("homebiyori-ttl-updater"))).as("%s ships no other service", f.name()).containsExactly(f.artifact());
        }
    }

    @Test
    void theCommonLayersLibraries_areOneJar_soEachClassPathLookupAsksOneJarNotAHundred() throws IOException {
        List<String> files = new java.util.ArrayList<>();
        try (var zip = new java.util.zip.ZipFile(layer("homebiyori-common-layer").toFile())) {
            zip.stream().map(java.util.zip.ZipEntry::getName).filter(n -> n.endsWith(".jar")).forEach(files::add);
        }
        assertThat(files.stream().filter(n -> !n.startsWith("java/lib/homebiyori-")))
                .as("libraries apart from the merged one: the runtime's own types only")
                .containsExactly("java/lib/aws-lambda-java-core-1.3.0.jar");
        assertThat(files).contains("java/lib/homebiyori-common-layer-libraries.jar");
        assertThat(jars(layer("homebiyori-common-layer")).stream().map(LambdaPackagesIT::library))
                .as("what it merged").contains("jersey-server", "hibernate-validator", "dynamodb", "jackson-databind")
                .hasSizeGreaterThan(90);
    }

    @Test
    void theCommonLayer_carriesTheExecWrapper_executable() throws IOException {
        try (var zip = org.apache.commons.compress.archivers.zip.ZipFile.builder()
                .setFile(layer("homebiyori-common-layer").toFile()).get()) {
            var wrapper = zip.getEntry("homebiyori-classpath");
            assertThat(wrapper).as("/opt/homebiyori-classpath").isNotNull();
            assertThat(wrapper.getUnixMode() & 0777).isEqualTo(0755);
        }
    }

    @Test
    void theExecWrapper_addsTheFunctionJarsToTheRuntimesClassPath_andItsJvmOptionsAfterTheRuntimes() throws Exception {
        Path wrapper = LambdaPackageRunner.root().resolve("lambda-adapter/src/lambda/homebiyori-classpath");
        ProcessBuilder builder = new ProcessBuilder("bash", wrapper.toString(), "echo", "java", "-XX:MaxHeapSize=108m",
                "-classpath", "/var/runtime/lib/rt.jar", "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", "h::handleRequest");
        builder.environment().put("LAMBDA_TASK_ROOT", "/var/task");
        builder.environment().remove("HOMEBIYORI_LAYER_ROOT");
        builder.environment().put("HOMEBIYORI_JVM_OPTIONS", "-XX:MaxHeapSize=48m -Dlean=true");
        Process process = builder.start();
        String line = new String(process.getInputStream().readAllBytes()).strip();
        assertThat(process.waitFor()).isZero();
        assertThat(line).isEqualTo("java -XX:MaxHeapSize=108m -XX:MaxHeapSize=48m -Dlean=true -classpath "
                + "/var/runtime/lib/rt.jar:/var/task:/var/task/lib/*:/opt/java/lib/* "
                + "com.amazonaws.services.lambda.runtime.api.client.AWSLambda h::handleRequest");
    }

    @ParameterizedTest
    @MethodSource("httpFunctions")
    void everyHttpFunction_startsFromItsPackageAndLayers_andServesOnlyItsOwnRoutes(Case c) throws Exception {
        LambdaFunction f = function(c.function());
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
        List<String> outputs = LambdaPackageRunner.invoke(function("ttl-updater"), TestStack.lambdaConfig(), java.util.Collections.singletonList(null));
        assertThat(outputs).containsExactly("{\"batchItemFailures\":0}");
    }

    private List<RawHttp.Reply> run(LambdaFunction f, List<String> events) throws Exception {
        List<RawHttp.Reply> replies = new ArrayList<>();
        for (String output : LambdaPackageRunner.invoke(f, TestStack.lambdaConfig(), events)) {
            replies.add(ApiEvent.reply(JSON.readTree(output)));
        }
        return replies;
    }
}
