package jp.homebiyori.bench;

import io.helidon.microprofile.server.Server;
import jakarta.enterprise.inject.spi.CDI;
import jp.homebiyori.testkit.TestStack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The whole backend in this process, as the local-stack tests run it: every service on the classpath in
 * one Helidon MP server on loopback, on fresh tables of the shared dynalite, with the development token
 * issuer (the test kit's stand-ins). The internal API is served on the same port, so the services'
 * internal calls (e.g. ttl-updater's notification) go over loopback HTTP as they would between pods.
 */
public final class BenchBackend implements AutoCloseable {

    private final Server server;

    private BenchBackend(Server server) {
        this.server = server;
    }

    /** Starts the backend; {@code extra} settings win over the fresh environment's. */
    public static BenchBackend start(Map<String, String> extra) {
        Map<String, String> config = new LinkedHashMap<>(TestStack.freshConfig());
        int port = TestStack.freePort();
        config.put("server.host", "127.0.0.1");
        config.put("server.port", Integer.toString(port));
        config.put("homebiyori.internal.base-url", "http://127.0.0.1:" + port);
        config.putAll(extra);
        // the MP config of the server reads system properties; explicit -D settings win
        config.forEach((key, value) -> {
            if (System.getProperty(key) == null) {
                System.setProperty(key, value);
            }
        });
        return new BenchBackend(Server.builder().build().start());
    }

    public int port() {
        return server.port();
    }

    /** A bean of the running server (repositories, the TTL updater, the call tally). */
    public <T> T bean(Class<T> type) {
        return CDI.current().select(type).get();
    }

    @Override
    public void close() {
        server.stop();
    }
}
