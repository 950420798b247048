package jp.homebiyori.testkit;

import jp.homebiyori.common.config.AwsClients;
import jp.homebiyori.common.db.TableNames;
import jp.homebiyori.common.db.TableProvisioner;
import jp.homebiyori.localdev.DevIssuerServer;
import jp.homebiyori.localdev.DevTokenIssuer;
import jp.homebiyori.localdev.DynaliteServer;
import jp.homebiyori.localdev.ElasticMqServer;
import org.eclipse.microprofile.config.spi.ConfigSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The real local parts a test needs, started once per test JVM: dynalite (DynamoDB API) and the
 * development token issuer of both pools. Each call of {@link #freshConfig()} names a new
 * environment, so every test class works on tables of its own.
 *
 * <pre>
 * &#64;HelidonTest
 * class MyResourceTest {
 *     &#64;AddConfigSource
 *     static ConfigSource config() { return TestStack.configSource(); }
 * }</pre>
 */
public final class TestStack {

    public static final String INTERNAL_API_KEY = "test-internal-key-0123456789";
    public static final String PAGINATION_KEY = "test-pagination-key-0123456789";

    private static DevIssuerServer issuerServer;
    private static ElasticMqServer elasticMq;
    private static DynamoDbClient dynamo;

    private TestStack() {
    }

    public static synchronized DynaliteServer dynalite() {
        return DynaliteServer.shared();
    }

    public static synchronized DevTokenIssuer issuer() {
        if (issuerServer == null) {
            issuerServer = DevIssuerServer.start(DevTokenIssuer.generate("http://127.0.0.1"), 0);
            DevIssuerServer server = issuerServer;
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "dev-issuer-stop"));
        }
        return issuerServer.issuer();
    }

    /** Embedded ElasticMQ (the SQS API), one per test JVM. */
    public static synchronized ElasticMqServer elasticMq() {
        if (elasticMq == null) {
            elasticMq = ElasticMqServer.start("127.0.0.1", 0);
            ElasticMqServer server = elasticMq;
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "elasticmq-stop"));
        }
        return elasticMq;
    }

    /** A free TCP port on the loopback interface (for a server whose URL config must name it). */
    public static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Config for a test server that calls itself like the deployed services call each other: a fixed port
     * with the internal API's base URL pointing at it, and a fresh TTL queue (with its DLQ) on ElasticMQ.
     */
    public record Wiring(int port, String queueName, String queueUrl, Map<String, String> config) {
    }

    public static Wiring internalApiAndQueue(String queuePrefix) {
        int port = freePort();
        ElasticMqServer sqs = elasticMq();
        String name = queuePrefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String url = sqs.createQueueWithDlq(name, 1);
        Map<String, String> config = new HashMap<>(Map.of(
                "server.port", Integer.toString(port),
                "homebiyori.internal.base-url", "http://127.0.0.1:" + port,
                "homebiyori.sqs.endpoint", sqs.endpoint().toString(),
                "homebiyori.sqs.ttl-queue-url", url));
        return new Wiring(port, name, url, config);
    }

    /** The Customer Portal configuration id the test stacks use (the stand-in accepts any). */
    public static final String PORTAL_CONFIGURATION = "bpc_test_homebiyori";

    /**
     * Config that points the Stripe adapter and the webhook at the stand-in and the test webhook secret,
     * with a Customer Portal configuration.
     */
    public static Map<String, String> stripe(jp.homebiyori.localdev.StripeStub stub) {
        return Map.of(
                "homebiyori.parameters.stripe.webhook_secret", StripeEvents.TEST_WEBHOOK_SECRET,
                "homebiyori.parameters.stripe.api_key", "sk_test_local",
                "homebiyori.stripe.api-base", stub.baseUrl(),
                "homebiyori.stripe.portal-configuration", PORTAL_CONFIGURATION);
    }

    /** A DynamoDB client on the shared dynalite. */
    public static synchronized DynamoDbClient dynamo() {
        if (dynamo == null) {
            dynamo = AwsClients.build(DynamoDbClient.builder(), "ap-northeast-1",
                    Optional.of(dynalite().endpoint().toString()), Duration.ofSeconds(5));
        }
        return dynamo;
    }

    /** Config of a new environment (own tables, created now) wired to the shared stand-ins. */
    public static Map<String, String> freshConfig() {
        String env = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        TableProvisioner.createMissing(dynamo(), new TableNames(env));
        DevTokenIssuer issuer = issuer();
        Map<String, String> config = new HashMap<>();
        config.put("homebiyori.env", env);
        config.put("homebiyori.dynamodb.endpoint", dynalite().endpoint().toString());
        config.put("homebiyori.pagination.key", PAGINATION_KEY);
        config.put("homebiyori.parameters.source", "local");
        config.put("homebiyori.parameters.internal.api_key", INTERNAL_API_KEY);
        config.put("homebiyori.parameters.app.version", "test-1.0.0");
        // tests drive many requests per user; RateLimitTest sets the real limit
        config.put("homebiyori.rate-limit.per-minute", "1000000");
        for (DevTokenIssuer.Pool pool : DevTokenIssuer.Pool.values()) {
            String key = pool == DevTokenIssuer.Pool.USER ? "user-pool" : "admin-pool";
            config.put("homebiyori.auth." + key + ".jwks-url", issuer.jwksUrl(pool));
            config.put("homebiyori.auth." + key + ".issuer", issuer.issuer(pool));
            config.put("homebiyori.auth." + key + ".client-id", pool.clientId());
        }
        return config;
    }

    /**
     * {@link #freshConfig()} as a Lambda function has it in AWS: no internal API runs beside it (the base
     * URL is a closed port, so a notification fails fast, logged and not fatal) and no CORS origins (API
     * Gateway answers CORS).
     */
    public static Map<String, String> lambdaConfig() {
        Map<String, String> config = freshConfig();
        config.put("homebiyori.internal.base-url", "http://127.0.0.1:" + freePort());
        config.remove("homebiyori.cors.allowed-origins");
        return config;
    }

    /** {@link #freshConfig()} as a config source, with an ordinal above even the Helidon test defaults (1000), for {@code @AddConfigSource}. */
    public static ConfigSource configSource() {
        return configSource(Map.of());
    }

    /** A fresh environment plus the test's own settings. */
    public static ConfigSource configSource(Map<String, String> extra) {
        Map<String, String> config = freshConfig();
        config.putAll(extra);
        return new MapSource(Map.copyOf(config));
    }

    /** Exactly {@code config} as a config source (e.g. a {@link #freshConfig()} the test also hands to another process). */
    public static ConfigSource configSourceOf(Map<String, String> config) {
        return new MapSource(Map.copyOf(config));
    }

    /** A user-pool access token for {@code sub}, valid for an hour. */
    public static String userToken(String sub) {
        return issuer().mint(DevTokenIssuer.Pool.USER, sub, Duration.ofHours(1));
    }

    /**
     * A user-pool access token for {@code sub} issued at {@code issuedAt} (valid for an hour from then): with
     * a time before an account's deletion, a token the deletion voids.
     */
    public static String userToken(String sub, Instant issuedAt) {
        return issuer().mint(DevTokenIssuer.Pool.USER, sub, issuedAt, Duration.ofHours(1), Map.of());
    }

    /** An admin-pool access token for {@code sub}, valid for an hour. */
    public static String adminToken(String sub) {
        return issuer().mint(DevTokenIssuer.Pool.ADMIN, sub, Duration.ofHours(1));
    }

    /** A fixed map as a config source, for whichever MicroProfile Config implementation reads it (Helidon's in pods, SmallRye's in functions). */
    private record MapSource(Map<String, String> values) implements ConfigSource {
        @Override
        public java.util.Set<String> getPropertyNames() {
            return values.keySet();
        }

        @Override
        public String getValue(String propertyName) {
            return values.get(propertyName);
        }

        @Override
        public String getName() {
            return "homebiyori-test-stack";
        }

        @Override
        public int getOrdinal() {
            return 1100;
        }
    }
}
