package jp.homebiyori.contract.support;

import jp.homebiyori.testkit.contract.Spec;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * HTTP to the test server on the loopback interface: {@code java.net.http} for every request it can
 * express, a plain socket for the rest (malformed percent-escapes or raw non-ASCII bytes in the target,
 * headers the JDK client refuses).
 */
public final class Http {

    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Http() {
    }

    /** A request: the raw target (path and query as sent), headers in order, and the body bytes (null: none). */
    public record Request(Spec api, String method, String target, Map<String, String> headers, byte[] body) {
        public Request {
            headers = new LinkedHashMap<>(headers);
        }

        public static Request of(Spec api, String method, String target, Map<String, String> headers, String body) {
            return new Request(api, method, target, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        }

        /** For failure messages: the request as a reader can repeat it (long bodies abbreviated). */
        public String describe() {
            String text = body == null ? "<no body>" : new String(body, StandardCharsets.UTF_8);
            if (text.length() > 600) {
                text = text.substring(0, 600) + "…(" + body.length + " bytes)";
            }
            return method + " " + target + " [" + api + " API] headers=" + redact(headers) + " body=" + text;
        }

        private static Map<String, String> redact(Map<String, String> headers) {
            Map<String, String> shown = new LinkedHashMap<>();
            headers.forEach((k, v) -> shown.put(k, k.equalsIgnoreCase("Authorization") && v.length() > 40
                    ? v.substring(0, 30) + "…" : v));
            return shown;
        }
    }

    /** A response. */
    public record Reply(int status, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst().map(e -> e.getValue().get(0)).orElse(null);
        }

        public JsonNode json() {
            try {
                return Schemas.JSON.readTree(body);
            } catch (IOException e) {
                return null;
            }
        }

        public String abbreviated() {
            return status + " " + (body.length() > 400 ? body.substring(0, 400) + "…" : body);
        }
    }

    public static Reply send(int port, Request request) {
        if (needsRawSocket(request)) {
            return sendRaw(port, request);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + request.target()))
                .timeout(TIMEOUT)
                .method(request.method(), request.body() == null
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(builder::header);
        try {
            HttpResponse<byte[]> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.headers().map(), new String(response.body(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("no answer to " + request.describe(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether a request target breaks RFC 3986 / 9112: characters outside the URI character set in ASCII
     * (raw non-ASCII bytes, spaces, brackets outside a host, braces …) or a {@code %} not followed by two hex digits.
     */
    public static boolean isMalformedTarget(String target) {
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '%') {
                if (i + 2 >= target.length() || !HexFormat.isHexDigit(target.charAt(i + 1)) || !HexFormat.isHexDigit(target.charAt(i + 2))) {
                    return true;
                }
            } else if (!(Character.isLetterOrDigit(c) && c < 0x80) && "-._~!$&'()*+,;=:@/?".indexOf(c) < 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean needsRawSocket(Request request) {
        if (isMalformedTarget(request.target())) {
            return true;
        }
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            if (RESTRICTED.contains(header.getKey().toLowerCase(Locale.ROOT))
                    || !header.getValue().chars().allMatch(c -> c == '\t' || (c >= 0x20 && c < 0x7f))) {
                return true;
            }
        }
        return false;
    }

    /** HTTP/1.1 over a plain socket, one request per connection; the target and header bytes are sent as given (UTF-8). */
    static Reply sendRaw(int port, Request request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            StringBuilder head = new StringBuilder(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1:").append(port).append("\r\n");
            boolean hasLength = false;
            for (Map.Entry<String, String> header : request.headers().entrySet()) {
                head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
                hasLength |= header.getKey().equalsIgnoreCase("Content-Length");
            }
            if (!hasLength && request.body() != null) {
                head.append("Content-Length: ").append(request.body().length).append("\r\n");
            }
            head.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            if (request.body() != null) {
                out.write(request.body());
            }
            out.flush();
            return read(new java.io.BufferedInputStream(socket.getInputStream()), request);
        } catch (IOException e) {
            throw new UncheckedIOException("no answer to " + request.describe(), e);
        }
    }

    /** Reads one response by its framing (Content-Length, chunked, or up to EOF), never waiting for the server to close. */
    private static Reply read(java.io.InputStream in, Request request) throws IOException {
        String statusLine = line(in);
        if (statusLine == null || !statusLine.startsWith("HTTP/")) {
            throw new IOException("no HTTP response to " + request.describe() + ": " + statusLine);
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.computeIfAbsent(header.substring(0, colon).trim(), k -> new ArrayList<>()).add(header.substring(colon + 1).trim());
        }
        Reply head = new Reply(status, headers, "");
        byte[] body;
        if ("chunked".equalsIgnoreCase(head.header("Transfer-Encoding"))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int size = chunkSize(line(in)); size > 0; size = chunkSize(line(in))) {
                out.write(in.readNBytes(size));
                line(in);
            }
            body = out.toByteArray();
        } else if (head.header("Content-Length") != null) {
            body = in.readNBytes(Integer.parseInt(head.header("Content-Length")));
        } else {
            body = in.readAllBytes();
        }
        return new Reply(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static int chunkSize(String line) {
        return line == null || line.isBlank() ? 0 : Integer.parseInt(line.split(";")[0].trim(), 16);
    }

    /** One CRLF-terminated line (ISO-8859-1), or null at EOF. */
    private static String line(java.io.InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                String text = out.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            out.write(b);
        }
        return out.size() == 0 ? null : out.toString(StandardCharsets.ISO_8859_1);
    }
}
