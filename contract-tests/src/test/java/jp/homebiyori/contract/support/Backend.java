package jp.homebiyori.contract.support;

import jp.homebiyori.testkit.contract.Spec;

import io.helidon.microprofile.server.ServerCdiExtension;
import jp.homebiyori.common.web.ApiApplications;
import jp.homebiyori.localdev.ElasticMqServer;
import jp.homebiyori.localdev.StripeStub;
import jp.homebiyori.testkit.StripeEvents;
import jp.homebiyori.testkit.TestStack;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The whole backend in one test server, shaped like the local stack: the user API on the default
 * socket, the admin and internal APIs on sockets of their own (fixed free ports, so the internal API's
 * base URL can name its port), Stripe's API on the WireMock stand-in, the TTL queue on embedded
 * ElasticMQ, fresh tables for each test class.
 */
public final class Backend {

    public static final String ALLOWED_ORIGIN = "http://localhost:3000";

    private static StripeStub stripe;

    private Backend() {
    }

    private static synchronized StripeStub stripe() {
        if (stripe == null) {
            stripe = StripeStub.start(0);
            StripeStub started = stripe;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stripe-stub-stop"));
        }
        return stripe;
    }

    /** Config of a fresh environment with every API on its socket; for {@code @AddConfigSource}. */
    public static ConfigSource config() {
        return config(Map.of());
    }

    /** {@link #config()} plus the test's own settings. */
    public static ConfigSource config(Map<String, String> extra) {
        int userPort = TestStack.freePort();
        int adminPort = TestStack.freePort();
        int internalPort = TestStack.freePort();
        ElasticMqServer sqs = TestStack.elasticMq();
        String queue = sqs.createQueueWithDlq("contract-ttl-" + UUID.randomUUID().toString().substring(0, 8), 30);
        Map<String, String> config = new HashMap<>();
        config.put("server.host", "127.0.0.1");
        config.put("server.port", Integer.toString(userPort));
        config.put("server.sockets.0.name", "admin");
        config.put("server.sockets.0.host", "127.0.0.1");
        config.put("server.sockets.0.port", Integer.toString(adminPort));
        config.put("server.sockets.1.name", "internal");
        config.put("server.sockets.1.host", "127.0.0.1");
        config.put("server.sockets.1.port", Integer.toString(internalPort));
        config.put("homebiyori.api.admin.socket", "admin");
        config.put("homebiyori.api.internal.socket", "internal");
        config.put(ApiApplications.AdminSocketApi.class.getName() + ".routing-name.name", "admin");
        config.put(ApiApplications.AdminSocketApi.class.getName() + ".routing-name.required", "true");
        config.put(ApiApplications.InternalSocketApi.class.getName() + ".routing-name.name", "internal");
        config.put(ApiApplications.InternalSocketApi.class.getName() + ".routing-name.required", "true");
        config.put("homebiyori.internal.base-url", "http://127.0.0.1:" + internalPort);
        config.put("homebiyori.sqs.endpoint", sqs.endpoint().toString());
        config.put("homebiyori.sqs.ttl-queue-url", queue);
        config.put("homebiyori.sqs.ttl-dlq-url", queue + "-dlq");
        config.put("homebiyori.stripe.api-base", stripe().baseUrl());
        config.put("homebiyori.parameters.stripe.api_key", "sk_test_contract");
        config.put("homebiyori.stripe.portal-configuration", TestStack.PORTAL_CONFIGURATION);
        config.put("homebiyori.parameters.stripe.webhook_secret", StripeEvents.TEST_WEBHOOK_SECRET);
        config.put("homebiyori.billing.allowed-origins", ALLOWED_ORIGIN);
        config.put("homebiyori.cors.allowed-origins", ALLOWED_ORIGIN);
        config.putAll(extra);
        return TestStack.configSource(config);
    }

    /** The port that serves an API. */
    public static int port(ServerCdiExtension server, Spec api) {
        return switch (api) {
            case USER -> server.port();
            case ADMIN -> server.port("admin");
            case INTERNAL -> server.port("internal");
        };
    }
}
