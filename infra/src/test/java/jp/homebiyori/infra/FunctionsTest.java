package jp.homebiyori.infra;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static jp.homebiyori.infra.Template.list;
import static jp.homebiyori.infra.Template.map;
import static jp.homebiyori.infra.Template.reference;
import static jp.homebiyori.infra.Template.text;
import static org.assertj.core.api.Assertions.assertThat;

/** The nine functions against the design document, the Lambda packages and the code's configuration keys. */
class FunctionsTest {

    /** Memory (MB), timeout (s), reserved concurrency. */
    record Sizing(int memoryMb, int timeoutSeconds, int reservedConcurrency) {
    }

    /**
     * The design document's table, copied by hand so that the template is checked against the document and
     * not against itself: shared/seed/backend-design.ja.md, "各Lambda Functionの責務" (メモリ, タイムアウト, 同時実行).
     */
    static final Map<String, Sizing> DESIGN = Map.of(
            "chat-service", new Sizing(1024, 60, 50),
            "tree-service", new Sizing(512, 30, 100),
            "user-service", new Sizing(256, 15, 100),
            "billing-service", new Sizing(512, 30, 50),
            "webhook-service", new Sizing(256, 15, 100),
            "notification-service", new Sizing(256, 15, 100),
            "ttl-updater", new Sizing(256, 300, 10),
            "health-check", new Sizing(128, 5, 1000),
            "admin-service", new Sizing(512, 30, 10));

    private static final String HTTP_HANDLER = "jp.homebiyori.lambda.HttpHandler::handleRequest";

    private final Template template = Template.load();

    @Test
    void theNineFunctionsHaveTheDesignDocumentsMemoryTimeoutAndReservedConcurrency() {
        Map<String, Template.Function> functions = template.functions();
        assertThat(functions.keySet()).containsExactlyInAnyOrderElementsOf(DESIGN.keySet());
        DESIGN.forEach((name, sizing) -> {
            Template.Function f = functions.get(name);
            assertThat(new Sizing((Integer) f.get("MemorySize"), (Integer) f.get("Timeout"),
                    (Integer) f.get("ReservedConcurrentExecutions")))
                    .as(name).isEqualTo(sizing);
            assertThat(f.get("Runtime")).as(name).isEqualTo("java21");
        });
    }

    @Test
    void eachFunctionRunsItsOwnPackageWithTheHandlerAndLayersOfFunctionsCsv() throws IOException {
        List<String[]> rows = functionsCsv();
        assertThat(rows).hasSize(DESIGN.size());
        Map<String, Template.Function> functions = template.functions();
        for (String[] row : rows) {
            String name = row[0];
            Template.Function f = functions.get(name);
            assertThat(f).as(name).isNotNull();
            assertThat(f.get("Handler")).as(name).isEqualTo(row[2]);
            // the csv drives the packaging; it must say what the design document says, like the template
            assertThat(new Sizing(Integer.parseInt(row[3]), Integer.parseInt(row[4]), Integer.parseInt(row[5])))
                    .as(name + " in functions.csv").isEqualTo(DESIGN.get(name));
            assertThat(text(f.get("CodeUri"))).as(name)
                    .isEqualTo("../lambda-adapter/target/lambda/functions/" + name + ".zip");
            Set<String> layers = list(f.get("Layers")).stream().map(l -> reference(l).orElseThrow()).collect(Collectors.toSet());
            Set<String> expected = new HashSet<>(Set.of("CommonLayer"));
            if (Set.of(row[6].split("\\+")).contains("ai")) {
                expected.add("AiLayer");
            }
            assertThat(layers).as(name + " layers").isEqualTo(expected);
        }
        // the AI layer only where Bedrock is called (issue 9)
        assertThat(functions.values().stream().filter(f -> list(f.get("Layers")).stream()
                .anyMatch(l -> reference(l).orElseThrow().equals("AiLayer"))).map(Template.Function::name))
                .containsExactly("chat-service");
    }

    @Test
    void theTwoLayersComeFromTheAdapterBuildAsJavaLibArchives() {
        Map<String, Map<String, Object>> layers = template.resources("AWS::Serverless::LayerVersion");
        assertThat(layers.keySet()).containsExactlyInAnyOrder("CommonLayer", "AiLayer");
        assertThat(text(template.properties("CommonLayer").get("ContentUri")))
                .isEqualTo("../lambda-adapter/target/lambda/layers/homebiyori-common-layer.zip");
        assertThat(text(template.properties("AiLayer").get("ContentUri")))
                .isEqualTo("../lambda-adapter/target/lambda/layers/homebiyori-ai-layer.zip");
        layers.keySet().forEach(id -> assertThat(list(template.properties(id).get("CompatibleRuntimes"))).containsExactly("java21"));
    }

    @Test
    void httpFunctionsRunWithSnapStartBehindAnAlias_theQueueFunctionWithReportedBatchFailures() {
        template.functions().values().forEach(f -> {
            if (HTTP_HANDLER.equals(f.get("Handler"))) {
                assertThat(map(f.get("SnapStart")).get("ApplyOn")).as(f.name()).isEqualTo("PublishedVersions");
                assertThat(f.get("AutoPublishAlias")).as(f.name()).isEqualTo("live");
                assertThat(f.events().values()).as(f.name()).isNotEmpty()
                        .allSatisfy(e -> assertThat(e.get("Type")).isEqualTo("Api"));
            } else {
                assertThat(f.name()).isEqualTo("ttl-updater");
                assertThat(f.get("Handler")).isEqualTo("jp.homebiyori.lambda.TtlQueueHandler::handleRequest");
                Map<String, Object> sqs = map(f.events().values().iterator().next().get("Properties"));
                assertThat(f.events().values().iterator().next().get("Type")).isEqualTo("SQS");
                assertThat(reference(sqs.get("Queue"))).contains("TtlQueue");
                assertThat((Integer) sqs.get("BatchSize")).isBetween(1, 10);
                assertThat(list(sqs.get("FunctionResponseTypes"))).containsExactly("ReportBatchItemFailures");
            }
        });
    }

    /**
     * Every HOMEBIYORI_* variable must be the environment form of a configuration key the code reads
     * (MicroProfile Config: non-alphanumerics to '_', upper case), so a misspelt variable fails here and
     * not silently in AWS.
     */
    @Test
    void everyConfigurationVariableIsAKeyTheCodeReads() throws IOException {
        Set<String> keys = configurationKeysInTheCode();
        assertThat(keys).contains("homebiyori.sqs.ttl-queue-url", "homebiyori.pagination.key");
        Set<String> variables = keys.stream().map(FunctionsTest::environmentName).collect(Collectors.toSet());
        // and the ones the common layer's exec wrapper reads before any Java runs
        Matcher wrapperVariables = Pattern.compile("\\$\\{(HOMEBIYORI_[A-Z0-9_]+)")
                .matcher(Files.readString(Template.repositoryRoot().resolve("lambda-adapter/src/lambda/homebiyori-classpath")));
        while (wrapperVariables.find()) {
            variables.add(wrapperVariables.group(1));
        }
        template.functions().values().forEach(f -> f.environment().keySet().stream()
                .filter(v -> v.startsWith("HOMEBIYORI_"))
                .forEach(v -> assertThat(variables).as(f.name() + " sets " + v).contains(v)));
    }

    @Test
    void functionsGetTheSettingsTheirCodeNeedsInAws() {
        Map<String, Template.Function> functions = template.functions();
        functions.values().forEach(f -> assertThat(f.environment())
                .as(f.name())
                // the common layer's exec wrapper (lambda-adapter/src/lambda/homebiyori-classpath, at the layer's root)
                .containsEntry("AWS_LAMBDA_EXEC_WRAPPER", "/opt/homebiyori-classpath")
                .containsEntry("HOMEBIYORI_METRICS_EMF_ENABLED", "true")
                .containsEntry("HOMEBIYORI_ENV", Template.ENV)
                .containsEntry("HOMEBIYORI_PARAMETERS_SOURCE", "ssm")
                .containsKey("HOMEBIYORI_PAGINATION_KEY"));
        for (String name : List.of("chat-service", "tree-service", "user-service", "billing-service", "notification-service")) {
            assertThat(functions.get(name).environment()).as(name)
                    .containsEntry("HOMEBIYORI_AUTH_USER_POOL_ISSUER", "https://cognito-idp." + Template.REGION + ".amazonaws.com/<UserPool>")
                    .containsEntry("HOMEBIYORI_AUTH_USER_POOL_JWKS_URL",
                            "https://cognito-idp." + Template.REGION + ".amazonaws.com/<UserPool>/.well-known/jwks.json")
                    .containsEntry("HOMEBIYORI_AUTH_USER_POOL_CLIENT_ID", "<UserPoolClient>")
                    .doesNotContainKey("HOMEBIYORI_AUTH_ADMIN_POOL_ISSUER");
        }
        assertThat(functions.get("admin-service").environment())
                .containsEntry("HOMEBIYORI_AUTH_ADMIN_POOL_ISSUER", "https://cognito-idp." + Template.REGION + ".amazonaws.com/<AdminPool>")
                .containsEntry("HOMEBIYORI_AUTH_ADMIN_POOL_CLIENT_ID", "<AdminPoolClient>")
                .containsEntry("HOMEBIYORI_SQS_TTL_QUEUE_URL", "<TtlQueue>")
                .containsEntry("HOMEBIYORI_SQS_TTL_DLQ_URL", "<TtlDeadLetterQueue>")
                .containsEntry("HOMEBIYORI_METRICS_SOURCE", "cloudwatch")
                .containsEntry("HOMEBIYORI_METRICS_APIS", Template.ENV + "-user-api," + Template.ENV + "-admin-api")
                .doesNotContainKey("HOMEBIYORI_AUTH_USER_POOL_ISSUER");
        assertThat(Template.repositoryRoot().resolve("lambda-adapter/src/lambda/homebiyori-classpath")).isExecutable();
        // health-check fits 128 MB only lean (measured: docs/benchmarks.md section 4)
        assertThat(functions.get("health-check").environment())
                .containsEntry("HOMEBIYORI_BEAN_VALIDATION_ENABLED", "false")
                .containsEntry("HOMEBIYORI_JVM_OPTIONS", "-XX:MaxHeapSize=48m");
        // the admin function reports on every function of the template, by the names the template gives them
        assertThat(List.of(functions.get("admin-service").environment().get("HOMEBIYORI_METRICS_FUNCTIONS").split(",")))
                .containsExactlyInAnyOrderElementsOf(functions.values().stream().map(f -> Template.ENV + "-homebiyori-" + f.name()).toList());
        assertThat(functions.get("chat-service").environment()).containsEntry("HOMEBIYORI_AI_GENERATOR", "bedrock")
                .containsEntry("HOMEBIYORI_AI_BEDROCK_GUARDRAIL_ID", "<ChatGuardrail.GuardrailId>")
                .containsEntry("HOMEBIYORI_AI_BEDROCK_GUARDRAIL_VERSION", "<ChatGuardrailVersion.Version>");
        assertThat(functions.get("user-service").environment())
                .containsEntry("HOMEBIYORI_IDENTITY_PROVIDER", "cognito")
                .containsEntry("HOMEBIYORI_AUTH_USER_POOL_POOL_ID", "<UserPool>");
        assertThat(functions.get("webhook-service").environment()).containsEntry("HOMEBIYORI_SQS_TTL_QUEUE_URL", "<TtlQueue>");
        // an event's plan is its price: both functions that read StripePrices get the ids (webhook-service had none)
        for (String name : List.of("billing-service", "webhook-service")) {
            assertThat(functions.get(name).environment()).as(name)
                    .containsEntry("HOMEBIYORI_STRIPE_PRICE_MONTHLY", "<StripePriceMonthly>")
                    .containsEntry("HOMEBIYORI_STRIPE_PRICE_YEARLY", "<StripePriceYearly>");
        }
        String internalApi = "https://<InternalApi>.execute-api." + Template.REGION + ".amazonaws.com/" + Template.ENV;
        for (String caller : List.of("webhook-service", "ttl-updater")) {
            assertThat(functions.get(caller).environment()).as(caller).containsEntry("HOMEBIYORI_INTERNAL_BASE_URL", internalApi)
                    .containsEntry("HOMEBIYORI_INTERNAL_SIGV4_ENABLED", "true");
        }
    }

    static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    /** Every {@code homebiyori.*} key quoted in the main sources of shared/ and services/, and in their config files. */
    static Set<String> configurationKeysInTheCode() throws IOException {
        Pattern quoted = Pattern.compile("\"(homebiyori\\.[a-z0-9.\\-]+)\"");
        Pattern property = Pattern.compile("(?m)^(homebiyori\\.[a-z0-9.\\-]+)=");
        Set<String> keys = new HashSet<>();
        for (String dir : List.of("shared", "services", "lambda-adapter")) {
            try (Stream<Path> files = Files.walk(Template.repositoryRoot().resolve(dir))) {
                for (Path file : files.filter(p -> p.toString().contains("/src/main/"))
                        .filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".properties")).toList()) {
                    String source = Files.readString(file);
                    Matcher m = (file.toString().endsWith(".java") ? quoted : property).matcher(source);
                    while (m.find()) {
                        keys.add(m.group(1));
                    }
                }
            }
        }
        // AuthSettings builds the pool keys from a prefix: homebiyori.auth.<pool>.{jwks-url,issuer,client-id}
        for (String pool : List.of("user-pool", "admin-pool")) {
            for (String part : List.of("jwks-url", "issuer", "client-id")) {
                keys.add("homebiyori.auth." + pool + "." + part);
            }
        }
        return keys;
    }

    static List<String[]> functionsCsv() throws IOException {
        return Files.readAllLines(Template.repositoryRoot().resolve("lambda-adapter/src/lambda/functions.csv")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("name,"))
                .map(l -> l.split(","))
                .toList();
    }
}
