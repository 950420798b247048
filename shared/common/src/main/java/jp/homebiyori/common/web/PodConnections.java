package jp.homebiyori.common.web;

import io.helidon.http.HeaderNames;
import io.helidon.microprofile.server.ServerCdiExtension;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.Filter;
import jakarta.enterprise.inject.spi.BeanManager;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Pods only: a request answered with {@code Connection: close} before its body was read (a body over the
 * limit, {@link RequestBodyLimit}, or one never read because the request was refused first) ends its
 * connection at once. Helidon 4's HTTP/1 loop does not stop on a {@code Connection: close} the application
 * sets: it would read the unread body as the next request (answering it with its own plain 400 or 414, or —
 * with a body shaped like a request — serving it). A filter on every socket's routing throws Helidon's
 * {@link CloseConnectionException} after such an answer was sent, which closes the socket.
 *
 * <p>Why not Helidon's own {@code max-payload-size}: it refuses before routing with its own answer (an empty
 * 413 without our {@code Error} body or request id), and Helidon MP offers no way to give a socket other
 * direct handlers.
 */
final class PodConnections {

    static final boolean SERVER_PRESENT = present();

    private PodConnections() {
    }

    private static boolean present() {
        try {
            Class.forName("io.helidon.microprofile.server.ServerCdiExtension", false, PodConnections.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    static void install(BeanManager beans) {
        ServerCdiExtension server = beans.getExtension(ServerCdiExtension.class);
        Filter filter = (chain, request, response) -> {
            chain.proceed();
            if (response.isSent() && !request.content().consumed()
                    && response.headers().contains(HeaderNames.CONNECTION)
                    && "close".equalsIgnoreCase(response.headers().get(HeaderNames.CONNECTION).get())) {
                throw new CloseConnectionException("the request body was not read; the connection ends");
            }
        };
        server.serverRoutingBuilder().addFilter(filter);
        var config = ConfigProvider.getConfig();
        for (int i = 0; i < 16; i++) {
            config.getOptionalValue("server.sockets." + i + ".name", String.class)
                    .ifPresent(name -> server.serverNamedRoutingBuilder(name).addFilter(filter));
        }
    }
}
