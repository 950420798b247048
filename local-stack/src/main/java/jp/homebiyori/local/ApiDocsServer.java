package jp.homebiyori.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Swagger UI for the three contracts on the local stack (http://127.0.0.1:8089): the swagger-ui-dist
 * npm package from node_modules, the specs from openapi/. "Try it out" works against the running stack
 * (the APIs allow this origin by CORS locally); paste a token from ./homebiyori token into Authorize.
 */
final class ApiDocsServer implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript", "css", "text/css",
            "yaml", "application/yaml; charset=utf-8", "png", "image/png", "map", "application/json");

    private final HttpServer server;

    private ApiDocsServer(HttpServer server) {
        this.server = server;
    }

    static ApiDocsServer start(Path root, String host, int port) {
        Path ui = root.resolve("node_modules/swagger-ui-dist");
        Path specs = root.resolve("openapi");
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            server.createContext("/", exchange -> {
                try (exchange) {
                    String path = exchange.getRequestURI().getPath();
                    if (path.equals("/")) {
                        reply(exchange, 200, "html", index().getBytes(StandardCharsets.UTF_8));
                    } else if (path.startsWith("/openapi/")) {
                        file(exchange, specs, path.substring("/openapi/".length()));
                    } else {
                        file(exchange, ui, path.substring(1));
                    }
                }
            });
            server.start();
            return new ApiDocsServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the API docs on port " + port, e);
        }
    }

    private static void file(HttpExchange exchange, Path dir, String name) throws IOException {
        Path file = dir.resolve(name).normalize();
        if (!file.startsWith(dir) || !Files.isRegularFile(file)) {
            reply(exchange, 404, "html", "not found".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String ext = name.substring(name.lastIndexOf('.') + 1);
        reply(exchange, 200, ext, Files.readAllBytes(file));
    }

    private static void reply(HttpExchange exchange, int status, String ext, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(ext, "application/octet-stream"));
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static String index() {
        return """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Homebiyori API</title>
                <link rel="stylesheet" href="/swagger-ui.css"></head><body><div id="swagger-ui"></div>
                <script src="/swagger-ui-bundle.js"></script><script src="/swagger-ui-standalone-preset.js"></script>
                <script>window.ui = SwaggerUIBundle({dom_id: '#swagger-ui', layout: 'StandaloneLayout',
                  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
                  urls: [{url: '/openapi/user-api.yaml', name: 'user API'}, {url: '/openapi/admin-api.yaml', name: 'admin API'},
                         {url: '/openapi/internal-api.yaml', name: 'internal API'}]});</script></body></html>
                """;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
