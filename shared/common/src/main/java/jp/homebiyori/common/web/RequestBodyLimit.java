package jp.homebiyori.common.web;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import jp.homebiyori.common.error.ApiException;
import jp.homebiyori.common.error.ErrorCode;
import jp.homebiyori.common.error.ErrorResponses;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The request-body limit of every API, in every deployment form: a body larger than its API's limit is
 * refused with 413 {@code PAYLOAD_TOO_LARGE} (the {@code Error} body, the request id) before it is read.
 * <ul>
 *   <li>A declared {@code Content-Length} above the limit is refused here, before matching and before any
 *   other filter (authentication, signature) looks at the request; not one byte of the body is read. The
 *   answer says {@code Connection: close}, so a pod's server does not drain the rest of the body either.</li>
 *   <li>A body without a length (chunked) is read through a stream that stops at the limit: the first byte
 *   past it ends the read with the same 413, so at most the limit is ever held.</li>
 *   <li>A body that is never read (the request refused first, or an operation without a body) closes the
 *   connection after the answer instead of being drained.</li>
 * </ul>
 * Limits (bytes, {@code homebiyori.body-limit.*}): the Stripe webhook its own ({@code webhook}, 1 MiB:
 * Stripe's events are a few kB), the internal API ({@code internal}), the admin API ({@code admin}) and the
 * rest of the user API ({@code user}), 64 KiB each: the largest body the specs allow, every character
 * escaped, is about 25 kB. In Lambda the same provider applies them to the event's body (API Gateway's own
 * cap is 10 MB, the invocation's 6 MB).
 */
@Provider
@PreMatching
@Priority(1)
@ApplicationScoped
public class RequestBodyLimit implements ContainerRequestFilter, ReaderInterceptor, ContainerResponseFilter {

    public static final long DEFAULT_LIMIT = 64 * 1024;
    public static final long DEFAULT_WEBHOOK_LIMIT = 1024 * 1024;
    private static final String LIMIT_PROPERTY = RequestBodyLimit.class.getName() + ".limit";
    private static final String READ_PROPERTY = RequestBodyLimit.class.getName() + ".read";

    private final long user;
    private final long admin;
    private final long internal;
    private final long webhook;

    @Inject
    public RequestBodyLimit(@ConfigProperty(name = "homebiyori.body-limit.user", defaultValue = "65536") long user,
                            @ConfigProperty(name = "homebiyori.body-limit.admin", defaultValue = "65536") long admin,
                            @ConfigProperty(name = "homebiyori.body-limit.internal", defaultValue = "65536") long internal,
                            @ConfigProperty(name = "homebiyori.body-limit.webhook", defaultValue = "1048576") long webhook) {
        this.user = positive("user", user);
        this.admin = positive("admin", admin);
        this.internal = positive("internal", internal);
        this.webhook = positive("webhook", webhook);
    }

    private static long positive(String key, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("homebiyori.body-limit." + key + " must be a positive number of bytes, not " + value);
        }
        return value;
    }

    /** The limit of the API a path belongs to. */
    public long limitFor(String path) {
        String p = path.startsWith("/") ? path : "/" + path;
        if (p.startsWith("/api/webhook/")) {
            return webhook;
        }
        if (p.startsWith("/internal/") || p.equals("/internal")) {
            return internal;
        }
        if (p.startsWith("/api/admin/") || p.equals("/api/admin")) {
            return admin;
        }
        return user;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        long limit = limitFor(request.getUriInfo().getPath());
        request.setProperty(LIMIT_PROPERTY, limit);
        if (request.getLength() > limit) {
            request.abortWith(ErrorResponses.of(tooLarge(limit)));
        }
    }

    /** Every body is read by a message body reader (a String or a model; no resource takes the stream), so here. */
    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Object limit = context.getProperty(LIMIT_PROPERTY);
        if (!(limit instanceof Long max)) {
            return context.proceed();
        }
        Bounded bounded = new Bounded(context.getInputStream(), max);
        context.setInputStream(bounded);
        try {
            Object entity = context.proceed();
            context.setProperty(READ_PROPERTY, Boolean.TRUE);
            return entity;
        } catch (IOException | RuntimeException e) {
            // whatever the reader made of it (Jackson wraps it, Jersey wraps that), the cause was our limit
            if (bounded.exceeded) {
                throw tooLarge(max);
            }
            throw e;
        }
    }

    /**
     * A body that was never read — the request was refused before (401, 403, 404, 405, 413, …) or its operation takes
     * none — ends the connection ({@code Connection: close}): a pod's server would otherwise drain it to reuse the
     * connection, and a chunked body has no end a client must ever send. A read body leaves the connection alone.
     */
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        boolean hasBody = request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
        if (hasBody && request.getProperty(READ_PROPERTY) == null) {
            response.getHeaders().putSingle("Connection", "close");
        }
    }

    static ApiException tooLarge(long limit) {
        return new ApiException(413, ErrorCode.PAYLOAD_TOO_LARGE,
                "the request body is larger than this API accepts (" + limit + " bytes)", Map.of("limit_bytes", limit));
    }

    /** Reads at most {@code limit} bytes; the next one fails the read. */
    private static final class Bounded extends FilterInputStream {
        private final long limit;
        private long count;
        private boolean exceeded;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            // never asks for more than one byte past the limit, so no more is ever taken from the connection
            int n = super.read(buffer, offset, (int) Math.min(length, limit - count + 1));
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, limit - count + 1));
            counted(skipped);
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void counted(long n) throws IOException {
            count += n;
            if (count > limit) {
                exceeded = true;
                throw new IOException("request body larger than " + limit + " bytes");
            }
        }
    }
}
