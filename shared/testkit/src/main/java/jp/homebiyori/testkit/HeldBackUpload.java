package jp.homebiyori.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An upload that proves a server answers before it has the body: over a raw socket it sends the request
 * head and the first {@code sent} bytes of a body that declares (or, chunked, will have) {@code declared}
 * bytes, then holds the rest back until an answer has arrived or {@code patience} has passed. A server
 * that reads the whole body before answering never answers within the patience: {@link Result#answered()}
 * is false. One that refuses at the head or at its limit answers while the rest is still held back.
 */
public final class HeldBackUpload {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PIECE = 64 * 1024;

    private HeldBackUpload() {
    }

    /** What came back; {@code status} −1 if nothing did within the patience. */
    public record Result(boolean answered, int status, Map<String, String> headers, String body, long bytesSentBeforeAnswer,
                         boolean closedByServer) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return null;
            }
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** {@code Content-Length: declared}, {@code sent} bytes of it sent, the rest held back. */
    public static Result withLength(int port, String method, String path, Map<String, String> headers, long declared, long sent, Duration patience) {
        return run(port, method, path, headers, false, declared, sent, patience);
    }

    /** {@code Transfer-Encoding: chunked}, {@code sent} bytes sent in 64 KiB chunks, the rest (and the last chunk) held back. */
    public static Result chunked(int port, String method, String path, Map<String, String> headers, long sent, Duration patience) {
        return run(port, method, path, headers, true, -1, sent, patience);
    }

    private static Result run(int port, String method, String path, Map<String, String> headers, boolean chunked,
                              long declared, long sent, Duration patience) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout((int) patience.toMillis());
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n");
            head.append("Content-Type: application/json\r\n");
            head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + declared + "\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();

            AtomicLong written = new AtomicLong();
            CountDownLatch answered = new CountDownLatch(1);
            Thread sender = Thread.ofVirtual().start(() -> {
                byte[] piece = new byte[PIECE];
                Arrays.fill(piece, (byte) 'a');
                piece[0] = '"';
                try {
                    while (written.get() < sent && answered.getCount() > 0) {
                        int n = (int) Math.min(PIECE, sent - written.get());
                        if (chunked) {
                            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                            out.write(piece, 0, n);
                            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        } else {
                            out.write(piece, 0, n);
                        }
                        out.flush();
                        written.addAndGet(n);
                    }
                } catch (IOException closedByTheServer) {
                    // a server that refused may close the connection while we write: that is an answer too
                }
            });
            InputStream in = new BufferedInputStream(socket.getInputStream());
            try {
                String statusLine = line(in);
                long before = written.get();
                answered.countDown();
                Map<String, String> responseHeaders = new LinkedHashMap<>();
                for (String h = line(in); !h.isEmpty(); h = line(in)) {
                    int colon = h.indexOf(':');
                    responseHeaders.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
                }
                int length = Integer.parseInt(responseHeaders.getOrDefault("content-length", "0"));
                byte[] body = in.readNBytes(length);
                sender.join(patience.toMillis());
                return new Result(true, Integer.parseInt(statusLine.split(" ")[1]), responseHeaders,
                        new String(body, StandardCharsets.UTF_8), before, closed(in));
            } catch (SocketTimeoutException nothingCame) {
                answered.countDown();
                return new Result(false, -1, Map.of(), "", written.get(), false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether the server ends the connection right after its answer, sending nothing more (rather than waiting for
     * the rest of the body, or reading it as a next request and answering that).
     */
    private static boolean closed(InputStream in) {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed before a full answer");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
