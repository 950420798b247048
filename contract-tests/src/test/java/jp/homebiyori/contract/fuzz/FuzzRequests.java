package jp.homebiyori.contract.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import jp.homebiyori.contract.support.Client;
import jp.homebiyori.contract.support.Credentials;
import jp.homebiyori.contract.support.Http;
import jp.homebiyori.contract.support.Schemas;
import jp.homebiyori.contract.support.SpecOperation;
import jp.homebiyori.testkit.StripeEvents;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Builds one bad request for an operation from a seeded {@link Random}: everything comes from the
 * operation's spec (its parameters, body schema and security scheme), with valid credentials for the
 * scheme so the bad input reaches the service. The same seed and index always give the same request.
 */
final class FuzzRequests {

    static final int HUGE = 2 * 1024 * 1024;

    /** A user the operation is called as, with the ids of that user's own items by path parameter name. */
    record Fixture(String user, Map<String, String> ids) {
    }

    private static final List<String> CONTENT_TYPES = List.of("", "text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=xyz", "application/json; charset=iso-8859-1", "application/json; charset=utf-16",
            "application/json; charset=bogus", "application/jsonx", "application/*", "*/*", "json", "application/merge-patch+json",
            "text/json", "APPLICATION/JSON", "application/json; boundary=\"", ";;;", "application/json, text/plain");
    private static final List<String> ACCEPTS = List.of("text/html", "application/xml", "*/*", "application/*", "application/json;q=0",
            "application/json; charset=utf-16", "garbage/", "", "text/plain, application/json;q=0.1", "image/png", "application/problem+json");
    private static final List<String> INTEGERS = List.of("abc", "-1", "0", "101", "1.5", "1e2", "99999999999999999999", "", " 1", "0x10",
            "\u0663", "+5", "NaN", "1,2", "2147483648", "-2147483649", "\uff10", "20 ", "null", "[1]");
    private static final List<String> BOOLEANS = List.of("yes", "TRUE", "1", "", "True", "false ", "null", "on", "0", "tru");
    private static final List<String> URLS = List.of("javascript:alert(1)", "https://evil.example/x", "http://localhost:3000@evil.example/",
            "http://localhost:3000/%2F%2Fevil.example", "http://localhost:3000\\@evil.example", "//evil.example", "http://localhost:3000",
            "http://\uff4c\uff4f\uff43\uff41\uff4c\uff48\uff4f\uff53\uff54:3000/", "http://localhost:3000/" + "a".repeat(2100),
            "http://localhost:3000/\u202e", "http://localhost:99999/", "http://[::1]:3000/", "http://localhost:3000/x y", "ftp://localhost:3000/");

    private final List<String> webhookUsers;

    FuzzRequests(List<String> webhookUsers) {
        this.webhookUsers = webhookUsers;
    }

    Http.Request generate(SpecOperation op, Fixture fixture, Fixture other, Random random) {
        Builder b = new Builder(op, fixture, other, random);
        b.base();
        List<Runnable> families = new ArrayList<>();
        families.add(b::query);
        families.add(b::headers);
        if (!op.parameters("path").isEmpty()) {
            families.add(b::path);
            families.add(b::path);
        }
        if (op.header("Stripe-Signature").isPresent()) {
            for (int i = 0; i < 6; i++) {
                families.add(b::webhook);
            }
        }
        if (op.hasObjectBody()) {
            for (int i = 0; i < 3; i++) {
                families.add(b::field);
            }
            families.add(b::missing);
            families.add(b::extra);
            families.add(b::shape);
            families.add(b::shape);
            families.add(b::contentType);
        } else if (!op.hasBody()) {
            families.add(b::unexpectedBody);
        }
        families.get(random.nextInt(families.size())).run();
        if (random.nextInt(5) == 0) {
            families.get(random.nextInt(families.size())).run();
        }
        if (op.hasBody() && random.nextInt(250) == 0) {
            b.huge();
        }
        return b.build();
    }

    /** One request under construction. */
    private final class Builder {
        private final SpecOperation op;
        private final Fixture fixture;
        private final Fixture other;
        private final Random random;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final Map<String, String> pathValues = new LinkedHashMap<>();
        private final List<String> query = new ArrayList<>();
        private byte[] body;
        private boolean signed;

        Builder(SpecOperation op, Fixture fixture, Fixture other, Random random) {
            this.op = op;
            this.fixture = fixture;
            this.other = other;
            this.random = random;
        }

        void base() {
            headers.putAll(Credentials.valid(op, fixture.user()));
            headers.put("Accept", "application/json");
            for (Parameter p : op.parameters("path")) {
                pathValues.put(p.getName(), fixture.ids().getOrDefault(p.getName(), UUID.randomUUID().toString()));
            }
            if (op.hasObjectBody()) {
                ObjectNode json = (ObjectNode) Schemas.example(op.requestBody(), random.nextBoolean());
                if (json.has("user_id")) {
                    json.put("user_id", fixture.user());
                }
                setJson(json);
            } else if (op.hasBody()) {
                body = StripeEventFuzz.event(random, webhookUsers).getBytes(StandardCharsets.UTF_8);
                headers.put("Content-Type", "application/json");
                signed = true;
            }
        }

        private void setJson(JsonNode json) {
            body = JsonText.write(json, random.nextBoolean()).getBytes(StandardCharsets.UTF_8);
            headers.put("Content-Type", "application/json");
        }

        private ObjectNode exampleObject() {
            return (ObjectNode) Schemas.example(op.requestBody(), random.nextBoolean());
        }

        void field() {
            ObjectNode json = exampleObject();
            List<Map.Entry<String, Schema<?>>> properties = new ArrayList<>(Schemas.properties(op.requestBody()).entrySet());
            int count = 1 + random.nextInt(Math.min(3, properties.size()));
            for (int i = 0; i < count; i++) {
                Map.Entry<String, Schema<?>> property = properties.get(random.nextInt(properties.size()));
                json.set(property.getKey(), BadValues.forSchema(property.getValue(), random));
            }
            setJson(json);
        }

        void missing() {
            ObjectNode json = exampleObject();
            List<String> names = new ArrayList<>();
            json.fieldNames().forEachRemaining(names::add);
            int remove = 1 + random.nextInt(Math.max(1, names.size()));
            for (int i = 0; i < remove && !names.isEmpty(); i++) {
                json.remove(names.remove(random.nextInt(names.size())));
            }
            setJson(json);
        }

        void extra() {
            ObjectNode json = exampleObject();
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                String name = random.nextBoolean() ? BadValues.oddString(random) : "__proto__";
                json.set(name, random.nextBoolean() ? BadValues.wrongType("none", random) : json.deepCopy());
            }
            setJson(json);
        }

        void shape() {
            String valid = JsonText.write(exampleObject(), false);
            String first = valid.length() > 2 ? valid.substring(1, valid.indexOf(':') > 0 ? valid.indexOf(':') : 2) : "\"x\"";
            int depth = random.nextBoolean() ? 1_001 : 20_000;
            List<String> shapes = List.of("", "null", "[]", "[{}]", "\"string\"", "123", "true", "{", "}", "{\"a\":",
                    valid.substring(0, random.nextInt(valid.length())), valid + "garbage", valid + "}", valid + valid,
                    "{'a':'b'}", "{a: \"b\"}", "{\"a\":1,}", "/* c */" + valid, "\ufeff" + valid, "{\"x\":NaN}", "{\"x\":Infinity}",
                    "{\"x\":01}", "{\"x\":1e99999}", "{" + first + ":1," + valid.substring(1),
                    "[".repeat(depth) + "]".repeat(depth), "{\"a\":".repeat(depth) + "1" + "}".repeat(depth),
                    "{\"x\":" + "9".repeat(5000) + "}", "{\"x\":\"\\ud800\"}", "{\"x\":\"\\u00\"}", "{\"x\":\"\\q\"}",
                    "\u0000", "{}\u0000", valid.replace("\"", "\u201c"));
            String chosen = shapes.get(random.nextInt(shapes.size()));
            body = chosen.getBytes(StandardCharsets.UTF_8);
            if (random.nextInt(4) == 0) {
                body = invalidUtf8(valid);
            } else if (random.nextInt(8) == 0) {
                body = valid.getBytes(StandardCharsets.UTF_16);
            }
            headers.put("Content-Type", "application/json");
        }

        private byte[] invalidUtf8(String valid) {
            byte[][] bad = {{(byte) 0xc3, 0x28}, {(byte) 0xff, (byte) 0xfe}, {(byte) 0xc0, (byte) 0xaf}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                    {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xe3, (byte) 0x81}};
            byte[] inject = bad[random.nextInt(bad.length)];
            int quote = valid.lastIndexOf('"', Math.max(0, valid.length() - 2));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] prefix = valid.substring(0, Math.max(0, quote)).getBytes(StandardCharsets.UTF_8);
            out.write(prefix, 0, prefix.length);
            out.write(inject, 0, inject.length);
            byte[] suffix = valid.substring(Math.max(0, quote)).getBytes(StandardCharsets.UTF_8);
            out.write(suffix, 0, suffix.length);
            return out.toByteArray();
        }

        void huge() {
            String filler = random.nextBoolean() ? "a" : "\ud83d\ude00";
            String big = filler.repeat(HUGE / filler.getBytes(StandardCharsets.UTF_8).length);
            ObjectNode json = op.hasObjectBody() ? exampleObject() : Schemas.JSON.createObjectNode();
            String text = switch (random.nextInt(5)) {
                case 0 -> {
                    List<String> names = new ArrayList<>();
                    json.fieldNames().forEachRemaining(names::add);
                    json.put(names.isEmpty() ? "x" : names.get(random.nextInt(names.size())), big);
                    yield JsonText.write(json, false);
                }
                case 1 -> "[" + "1,".repeat(HUGE / 2) + "1]";
                case 2 -> " ".repeat(HUGE) + "{}";
                case 3 -> big;
                default -> {
                    StringBuilder many = new StringBuilder("{");
                    for (int i = 0; many.length() < HUGE; i++) {
                        many.append("\"f").append(i).append("\":").append(i).append(',');
                    }
                    yield many.append("\"end\":0}").toString();
                }
            };
            body = text.getBytes(StandardCharsets.UTF_8);
            headers.put("Content-Type", "application/json");
        }

        void contentType() {
            String type = CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size()));
            if (type.isEmpty()) {
                headers.remove("Content-Type");
            } else {
                headers.put("Content-Type", type);
            }
        }

        void unexpectedBody() {
            body = (random.nextBoolean() ? "{\"x\":" + JsonText.write(BadValues.wrongType("none", random), true) + "}"
                    : BadValues.oddString(random)).getBytes(StandardCharsets.UTF_8);
            if (random.nextBoolean()) {
                headers.put("Content-Type", random.nextBoolean() ? "application/json" : CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size())));
            }
        }

        void query() {
            for (Parameter p : op.parameters("query")) {
                if (random.nextInt(3) > 0) {
                    query.add(Client.encode(p.getName()) + "=" + queryValue(p.getSchema()));
                }
                if (random.nextInt(6) == 0) {
                    query.add(Client.encode(p.getName()) + "=" + queryValue(p.getSchema()));
                }
            }
            switch (random.nextInt(8)) {
                case 0 -> query.add(Client.encode(BadValues.oddString(random)) + "=" + Client.encode(BadValues.oddString(random)));
                case 1 -> query.add("%zz=%");
                case 2 -> query.add("=x&&&=");
                case 3 -> query.add("limit");
                case 4 -> query.add("x=" + "y".repeat(random.nextBoolean() ? 3000 : 200));
                default -> {
                }
            }
        }

        private String queryValue(Schema<?> schema) {
            String type = Schemas.type(schema);
            String value;
            if (schema.getEnum() != null) {
                value = BadValues.badEnum(schema, random);
            } else if ("integer".equals(type) || "number".equals(type)) {
                value = INTEGERS.get(random.nextInt(INTEGERS.size()));
            } else if ("boolean".equals(type)) {
                value = BOOLEANS.get(random.nextInt(BOOLEANS.size()));
            } else if ("date".equals(schema.getFormat())) {
                value = random.nextBoolean() ? BadValues.badDate(random) : "2026-11-" + (random.nextInt(40) - 5);
            } else if (schema.getPattern() != null && schema.getPattern().contains("http")) {
                value = URLS.get(random.nextInt(URLS.size()));
            } else {
                value = switch (random.nextInt(4)) {
                    case 0 -> BadValues.lengthEdge(schema, random);
                    case 1 -> java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(1 + random.nextInt(200)))
                            + (random.nextBoolean() ? "." + UUID.randomUUID() : "");
                    default -> BadValues.oddString(random);
                };
            }
            return random.nextInt(10) == 0 ? rawQuery(value) : Client.encode(value);
        }

        /** The value as typed, not percent-encoded (spaces and line breaks excepted, which would not be HTTP at all). */
        private String rawQuery(String value) {
            return value.replace(" ", "%20").replace("\r", "%0D").replace("\n", "%0A").replace("#", "%23").replace("\t", "%09");
        }

        private byte[] randomBytes(int n) {
            byte[] bytes = new byte[n];
            random.nextBytes(bytes);
            return bytes;
        }

        void path() {
            for (String name : new ArrayList<>(pathValues.keySet())) {
                String uuid = UUID.randomUUID().toString();
                List<String> ids = List.of(other.ids().getOrDefault(name, uuid), uuid, uuid.toUpperCase(), uuid + "0", "{" + uuid + "}",
                        uuid.replace("-", ""), "", "%20", "..", "%2e%2e", "%2F", "a%2Fb", "%00", "%zz", "%", "\u00e9", "%E3%81%82",
                        "%ED%A0%80", "x".repeat(37), "x".repeat(3000), uuid + ";jsessionid=1", "null", "-1", "$%7Bx%7D",
                        Client.encode(BadValues.oddString(random)), uuid + "%0A", "%C0%AF");
                pathValues.put(name, ids.get(random.nextInt(ids.size())));
            }
        }

        void headers() {
            headers.put("Accept", ACCEPTS.get(random.nextInt(ACCEPTS.size())));
            switch (random.nextInt(6)) {
                case 0 -> headers.put("X-Request-Id", "r".repeat(200 + random.nextInt(3000)));
                case 1 -> headers.put("X-Request-Id", random.nextBoolean() ? "../../x<script>" : "\u00e9\u00e8");
                case 2 -> headers.put("Content-Encoding", "gzip");
                case 3 -> headers.put("Accept-Charset", "utf-16");
                case 4 -> headers.put("X-HTTP-Method-Override", "DELETE");
                default -> headers.put("Accept-Language", "ja;q=" + BadValues.oddString(random).replaceAll("[^ -~]", ""));
            }
        }

        void webhook() {
            switch (random.nextInt(8)) {
                case 0 -> shapeForWebhook();
                case 1 -> headers.put("Stripe-Signature", "t=" + (System.currentTimeMillis() / 1000) + ",v1=" + "0".repeat(64));
                case 2 -> headers.put("Stripe-Signature", BadValues.oddString(random).replaceAll("[^ -~]", "?"));
                case 3 -> signed = false;
                default -> body = StripeEventFuzz.event(random, webhookUsers).getBytes(StandardCharsets.UTF_8);
            }
        }

        private void shapeForWebhook() {
            List<String> shapes = List.of("", "{}", "null", "[]", "{\"id\":\"evt_x\"}", "{\"id\":1,\"type\":[],\"data\":\"x\"}",
                    "{\"id\":\"evt_y\",\"object\":\"event\",\"type\":\"customer.subscription.updated\",\"created\":\"soon\",\"data\":{\"object\":{}}}",
                    "{", "\ufeff{}", "{\"id\":\"evt_z\",\"type\":\"customer.subscription.created\",\"created\":1,\"data\":{\"object\":null}}");
            body = shapes.get(random.nextInt(shapes.size())).getBytes(StandardCharsets.UTF_8);
        }

        Http.Request build() {
            if (signed && op.header("Stripe-Signature").isPresent() && !headers.containsKey("Stripe-Signature")) {
                long t = System.currentTimeMillis() / 1000 - (random.nextInt(10) == 0 ? 301 + random.nextInt(10_000) : 0);
                headers.put("Stripe-Signature", sign(body == null ? new byte[0] : body, t));
            }
            String path = op.path();
            for (Map.Entry<String, String> value : pathValues.entrySet()) {
                path = path.replace("{" + value.getKey() + "}", value.getValue());
            }
            String target = query.isEmpty() ? path : path + "?" + String.join("&", query);
            return new Http.Request(op.api(), op.method(), target, headers, body);
        }

        private String sign(byte[] payload, long t) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(StripeEvents.TEST_WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
                return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal(payload));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
