package jp.homebiyori.testkit.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.homebiyori.testkit.RawHttp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An API Gateway event as the gateway sends it, built from a recorded-shape template in
 * {@code src/test/resources/events/}: REST API proxy (payload v1) or HTTP API (payload v2). {@link #send}
 * pushes its JSON through a stream handler and reads the proxy response back as a {@link RawHttp.Reply}.
 */
public final class ApiEvent {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode event;
    private final boolean v2;

    private ApiEvent(ObjectNode event, boolean v2) {
        this.event = event;
        this.v2 = v2;
    }

    /** A REST API (v1) proxy event for {@code method path}. */
    public static ApiEvent restApi(String method, String path) {
        ObjectNode event = template("rest-api-v1.json");
        event.put("httpMethod", method).put("path", path);
        event.withObjectProperty("pathParameters").put("proxy", path.substring(1));
        ObjectNode context = event.withObjectProperty("requestContext");
        context.put("httpMethod", method).put("path", "/prod" + path);
        return new ApiEvent(event, false);
    }

    /** An HTTP API (v2) event for {@code method path}. */
    public static ApiEvent httpApi(String method, String path) {
        ObjectNode event = template("http-api-v2.json");
        event.put("rawPath", path);
        event.withObjectProperty("requestContext").withObjectProperty("http").put("method", method).put("path", path);
        return new ApiEvent(event, true);
    }

    public ApiEvent header(String name, String value) {
        if (v2) {
            event.withObjectProperty("headers").put(name.toLowerCase(), value);
        } else {
            event.withObjectProperty("headers").put(name, value);
            event.withObjectProperty("multiValueHeaders").putArray(name).add(value);
        }
        return this;
    }

    public ApiEvent bearer(String token) {
        return header("Authorization", "Bearer " + token);
    }

    /** The claims the gateway's Cognito (v1) or JWT (v2) authorizer puts in the request context. */
    public ApiEvent authorizerClaims(String sub) {
        ObjectNode claims = v2
                ? event.withObjectProperty("requestContext").withObjectProperty("authorizer").withObjectProperty("jwt").withObjectProperty("claims")
                : event.withObjectProperty("requestContext").withObjectProperty("authorizer").withObjectProperty("claims");
        claims.put("sub", sub).put("token_use", "access").put("client_id", "homebiyori-web")
                .put("iss", "https://cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_AbCdEfGhI");
        return this;
    }

    public ApiEvent jsonBody(String body) {
        header("Content-Type", "application/json");
        event.put("body", body);
        return this;
    }

    public String json() {
        return event.toString();
    }

    /** A stream handler with its Lambda context bound (the test kit knows no Lambda types). */
    @FunctionalInterface
    public interface Invocation {
        void handle(java.io.InputStream event, java.io.OutputStream response) throws IOException;
    }

    /** Pushes the event through a handler in this JVM and reads its proxy response. */
    public RawHttp.Reply send(Invocation handler) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handle(new ByteArrayInputStream(json().getBytes(StandardCharsets.UTF_8)), out);
            return reply(JSON.readTree(out.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RawHttp.Reply reply(JsonNode response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.path("multiValueHeaders").properties().forEach(e ->
                headers.put(e.getKey(), JSON.convertValue(e.getValue(), JSON.getTypeFactory().constructCollectionType(List.class, String.class))));
        response.path("headers").properties().forEach(e -> headers.putIfAbsent(e.getKey(), List.of(e.getValue().asText())));
        String body = response.path("body").isNull() ? null : response.path("body").asText(null);
        if (body != null && response.path("isBase64Encoded").asBoolean()) {
            body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        return new RawHttp.Reply(response.path("statusCode").asInt(), headers, body);
    }

    private static ObjectNode template(String name) {
        try (InputStream in = ApiEvent.class.getResourceAsStream("/events/" + name)) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
