package jp.homebiyori.local;

import io.helidon.microprofile.server.Server;
import jp.homebiyori.common.web.ApiApplications;
import jp.homebiyori.localdev.DevIssuerServer;
import jp.homebiyori.localdev.DevTokenIssuer;
import jp.homebiyori.localdev.DynaliteServer;
import jp.homebiyori.localdev.ElasticMqServer;
import jp.homebiyori.localdev.ProjectRoot;
import jp.homebiyori.localdev.StripeStub;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The whole backend on one machine: dynalite (data kept in {@code .homebiyori/dynamodb}), ElasticMQ
 * with the TTL queue and its DLQ, the development token issuer of both pools, and every service in
 * one Helidon MP process — user API, admin API and internal API each on its own port. Ctrl-C stops
 * everything it started. Ports come from environment variables (see README).
 */
public final class LocalBackend {

    public static final String LOCAL_INTERNAL_API_KEY = "local-internal-api-key-change-me";
    /** The local webhook secret (README): ./homebiyori stripe-trigger signs with it. */
    public static final String LOCAL_WEBHOOK_SECRET = "whsec_local_homebiyori";

    private LocalBackend() {
    }

    public static void main(String[] args) {
        Path root = ProjectRoot.find();
        Path data = root.resolve(".homebiyori");
        String host = "127.0.0.1";
        int userPort = port("HOMEBIYORI_USER_API_PORT", 8080);
        int adminPort = port("HOMEBIYORI_ADMIN_API_PORT", 8081);
        int internalPort = port("HOMEBIYORI_INTERNAL_API_PORT", 8082);

        int dynamoPort = port("HOMEBIYORI_DYNAMODB_PORT", 8000);
        int sqsPort = port("HOMEBIYORI_SQS_PORT", 9324);
        int stripePort = port("HOMEBIYORI_STRIPE_PORT", 12111);
        int issuerPort = port("HOMEBIYORI_ISSUER_PORT", 8090);
        int docsPort = port("HOMEBIYORI_DOCS_PORT", 8089);
        refuseBusyPorts(host, userPort, adminPort, internalPort, dynamoPort, sqsPort, stripePort, issuerPort, docsPort);

        DynaliteServer dynalite = DynaliteServer.start(host, dynamoPort, data.resolve("dynamodb"));
        ElasticMqServer sqs = ElasticMqServer.start(host, sqsPort);
        String ttlQueue = sqs.createQueueWithDlq("local-homebiyori-ttl-updates", 60);
        StripeStub stripe = StripeStub.start(stripePort);
        DevIssuerServer issuer = DevIssuerServer.start(
                DevTokenIssuer.loadOrCreate(data.resolve("dev-issuer-keys.json"), "http://" + host),
                issuerPort);
        LocalServices.issuer(issuer.issuer());
        ApiDocsServer docs = ApiDocsServer.start(root, host, docsPort);

        Map<String, String> config = new LinkedHashMap<>();
        config.put("homebiyori.env", "local");
        config.put("homebiyori.dynamodb.endpoint", dynalite.endpoint().toString());
        config.put("homebiyori.dynamodb.create-tables", "true");
        config.put("homebiyori.sqs.endpoint", sqs.endpoint().toString());
        config.put("homebiyori.sqs.ttl-queue-url", ttlQueue);
        config.put("homebiyori.sqs.ttl-dlq-url", ttlQueue + "-dlq");
        config.put("homebiyori.ttl-updater.worker.enabled", "true");
        // short polls locally, so Ctrl-C does not wait for a 20 s long poll to return
        config.put("homebiyori.ttl-updater.worker.wait-seconds", "2");
        config.put("homebiyori.stripe.api-base", stripe.baseUrl());
        // the stand-in accepts any portal configuration; in AWS and pods it is set (infra/README.md)
        config.putIfAbsent("homebiyori.stripe.portal-configuration", "bpc_local_homebiyori");
        config.putIfAbsent("homebiyori.parameters.stripe.api_key", "sk_test_local_stand_in");
        config.putIfAbsent("homebiyori.parameters.stripe.webhook_secret", LOCAL_WEBHOOK_SECRET);
        config.put("homebiyori.pagination.key", "local-pagination-key-not-secret");
        config.put("homebiyori.parameters.source", "local");
        config.putIfAbsent("homebiyori.parameters.internal.api_key", LOCAL_INTERNAL_API_KEY);
        config.putIfAbsent("homebiyori.parameters.app.version", "local");
        config.put("homebiyori.cors.allowed-origins", "http://localhost:3000,http://127.0.0.1:3000,http://" + host + ":" + docsPort);
        config.put("homebiyori.internal.base-url", "http://" + host + ":" + internalPort);
        for (DevTokenIssuer.Pool pool : DevTokenIssuer.Pool.values()) {
            String key = pool == DevTokenIssuer.Pool.USER ? "user-pool" : "admin-pool";
            config.put("homebiyori.auth." + key + ".jwks-url", issuer.issuer().jwksUrl(pool));
            config.put("homebiyori.auth." + key + ".issuer", issuer.issuer().issuer(pool));
            config.put("homebiyori.auth." + key + ".client-id", pool.clientId());
        }
        config.put("server.host", host);
        config.put("server.port", Integer.toString(userPort));
        config.put("server.sockets.0.name", "admin");
        config.put("server.sockets.0.host", host);
        config.put("server.sockets.0.port", Integer.toString(adminPort));
        config.put("server.sockets.1.name", "internal");
        config.put("server.sockets.1.host", host);
        config.put("server.sockets.1.port", Integer.toString(internalPort));
        config.put("homebiyori.api.admin.socket", "admin");
        config.put("homebiyori.api.internal.socket", "internal");
        config.put(ApiApplications.AdminSocketApi.class.getName() + ".routing-name.name", "admin");
        config.put(ApiApplications.AdminSocketApi.class.getName() + ".routing-name.required", "true");
        config.put(ApiApplications.InternalSocketApi.class.getName() + ".routing-name.name", "internal");
        config.put(ApiApplications.InternalSocketApi.class.getName() + ".routing-name.required", "true");
        // explicit -D settings win over these defaults
        config.forEach((k, v) -> {
            if (System.getProperty(k) == null) {
                System.setProperty(k, v);
            }
        });

        Server server = Server.builder().build().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            issuer.close();
            stripe.close();
            docs.close();
            sqs.close();
            dynalite.close();
        }, "homebiyori-stop"));

        System.out.printf("""

                Homebiyori local stack is up
                  user API      http://%1$s:%2$d/api/health
                  admin API     http://%1$s:%3$d/api/admin
                  internal API  http://%1$s:%4$d/internal
                  DynamoDB      %5$s  (dynalite, data in .homebiyori/dynamodb)
                  SQS           %6$s  (ElasticMQ, queue local-homebiyori-ttl-updates + -dlq)
                  Stripe API    %7$s  (WireMock stand-in; webhook secret whsec_local_homebiyori)
                  Swagger UI    http://%1$s:%8$d/
                  tokens        ./homebiyori token --user SUB | --admin SUB
                Ctrl-C stops everything.
                %n""", host, server.port(), adminPort, internalPort, dynalite.endpoint(), sqs.endpoint(), stripe.baseUrl(), docsPort);
    }

    /** Stops before starting anything if a port is taken (a half-started stack helps nobody). */
    private static void refuseBusyPorts(String host, int... ports) {
        for (int port : ports) {
            try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
                probe.bind(new java.net.InetSocketAddress(host, port));
            } catch (java.io.IOException busy) {
                System.err.printf("[homebiyori] port %d on %s is in use: stop what holds it (an earlier ./homebiyori run?)"
                        + " or choose another port with the HOMEBIYORI_*_PORT variables (README)%n", port, host);
                System.exit(2);
            }
        }
    }

    private static int port(String env, int fallback) {
        String value = System.getenv(env);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
