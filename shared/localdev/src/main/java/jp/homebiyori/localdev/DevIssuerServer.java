package jp.homebiyori.localdev;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * Serves a {@link DevTokenIssuer} over HTTP on the loopback interface: the JWKS of each pool at
 * Cognito's path, and {@code POST /dev/tokens?pool=user|admin&sub=...&expires_in=PT1H} which mints a
 * token (what {@code ./homebiyori token} calls). Local mode and tests only.
 */
public final class DevIssuerServer implements AutoCloseable {

    private final HttpServer server;
    private final DevTokenIssuer issuer;

    private DevIssuerServer(HttpServer server, DevTokenIssuer issuer) {
        this.server = server;
        this.issuer = issuer;
    }

    public static DevIssuerServer start(DevTokenIssuer issuer, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            DevIssuerServer result = new DevIssuerServer(server, issuer);
            issuer.baseUrl("http://127.0.0.1:" + server.getAddress().getPort());
            server.createContext("/", result::handle);
            server.start();
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the development token issuer on port " + port, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public DevTokenIssuer issuer() {
        return issuer;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            for (DevTokenIssuer.Pool pool : DevTokenIssuer.Pool.values()) {
                if (path.equals("/" + pool.poolId() + "/.well-known/jwks.json")) {
                    reply(exchange, 200, "application/json", issuer.jwks(pool));
                    return;
                }
            }
            if (path.equals("/dev/tokens") && exchange.getRequestMethod().equals("POST")) {
                mint(exchange);
                return;
            }
            reply(exchange, 404, "application/json", "{\"code\":\"NOT_FOUND\",\"message\":\"no such path\"}");
        }
    }

    private void mint(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String sub = query.getOrDefault("sub", "");
        if (!sub.matches("[A-Za-z0-9_-]{1,128}")) {
            reply(exchange, 400, "text/plain", "sub must match [A-Za-z0-9_-]{1,128}\n");
            return;
        }
        DevTokenIssuer.Pool pool = "admin".equals(query.get("pool")) ? DevTokenIssuer.Pool.ADMIN : DevTokenIssuer.Pool.USER;
        Duration expiresIn;
        try {
            expiresIn = Duration.parse(query.getOrDefault("expires_in", "PT1H"));
        } catch (DateTimeParseException e) {
            reply(exchange, 400, "text/plain", "expires_in must be an ISO-8601 duration such as PT10M\n");
            return;
        }
        try {
            reply(exchange, 200, "text/plain", issuer.mint(pool, sub, expiresIn) + "\n");
        } catch (IllegalArgumentException e) {
            reply(exchange, 410, "text/plain", e.getMessage() + "\n");
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> result = new HashMap<>();
        if (raw == null) {
            return result;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                result.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return result;
    }

    private static void reply(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
