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
 * {@link CloseConnectionException} after such an answer was sent, which closes the socket — after reading and
 * dropping the rest of a declared body of at most 4 MiB, so that a client sending its whole body first still reads
 * the answer.
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

    /** At most this much of an unread body, when its length is declared, is read and dropped before the connection ends. */
    static final long SWALLOW_LIMIT = 4L * 1024 * 1024;

    static void install(BeanManager beans) {
        ServerCdiExtension server = beans.getExtension(ServerCdiExtension.class);
        Filter filter = (chain, request, response) -> {
            chain.proceed();
            if (response.isSent() && !request.content().consumed()
                    && response.headers().contains(HeaderNames.CONNECTION)
                    && "close".equalsIgnoreCase(response.headers().get(HeaderNames.CONNECTION).get())) {
                swallowIfSmall(request);
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

    /**
     * A declared body of at most {@link #SWALLOW_LIMIT} that nothing read yet is read and dropped (64 KiB at a time, never
     * held) before the close: a client that sends its whole body before reading (most do) would otherwise meet a reset
     * (TCP answers unread data with RST) and may lose the answer. A larger or chunked body is cut at once, as Tomcat
     * does past its {@code maxSwallowSize}.
     */
    private static void swallowIfSmall(io.helidon.webserver.http.RoutingRequest request) {
        long declared = request.headers().contentLength().orElse(-1);
        if (declared < 0 || declared > SWALLOW_LIMIT || request.headers().contains(HeaderNames.TRANSFER_ENCODING)) {
            return;
        }
        try (java.io.InputStream rest = request.content().inputStream()) {
            byte[] drop = new byte[64 * 1024];
            long total = 0;
            for (int n = rest.read(drop); n >= 0 && total <= SWALLOW_LIMIT; n = rest.read(drop)) {
                total += n;
            }
        } catch (java.io.IOException | RuntimeException alreadyReadOrGone) {
            // the body was partly read by the application, or the client left: nothing more to drop
        }
    }
}
