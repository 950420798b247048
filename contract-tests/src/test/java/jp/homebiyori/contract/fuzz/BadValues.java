package jp.homebiyori.contract.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.swagger.v3.oas.models.media.Schema;
import jp.homebiyori.contract.support.Schemas;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Values that should never get past validation, or that are valid but odd, for a schema: wrong types,
 * the bounds ±1, over-long and empty strings, odd Unicode (lone surrogates, bidi controls, zero-width
 * characters, emoji sequences, combining marks, NUL and control characters, NFKC look-alikes), number
 * extremes. Strings come from jqwik arbitraries, drawn with the caller's seeded {@link Random}, so a
 * run is reproduced by its seed.
 */
final class BadValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int GEN_SIZE = 1000;

    /** Any UTF-16 code unit, lone surrogates and noncharacters included. */
    private static final Arbitrary<String> ANY_CHARS = Arbitraries.strings().all().ofMinLength(0).ofMaxLength(40);
    /** Hebrew and Arabic letters mixed with bidi controls (RLM, LRM, RLO, PDF, isolates). */
    private static final Arbitrary<String> RTL = Arbitraries.strings().withCharRange('\u0590', '\u06ff')
            .withChars('\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2069')
            .ofMinLength(1).ofMaxLength(30);
    /** Emoji (astral code points), with ZWJ, variation selectors, skin tones and keycaps in between. */
    private static final Arbitrary<String> EMOJI = Arbitraries.oneOf(
                    Arbitraries.integers().between(0x1f300, 0x1faff),
                    Arbitraries.of(0x200d, 0xfe0f, 0x1f3fb, 0x20e3, 0x1f1ef, 0x1f1f5))
            .list().ofMinSize(1).ofMaxSize(25)
            .map(cps -> cps.stream().map(Character::toString).collect(Collectors.joining()));
    /** Zero-width, control, combining and other invisible or troublesome characters. */
    private static final Arbitrary<String> INVISIBLE = Arbitraries.strings()
            .withChars('\u0000', '\u0001', '\u0007', '\u0008', '\u001b', '\u007f', '\u0085', '\u00a0', '\u00ad', '\u034f',
                    '\u0301', '\u0336', '\u115f', '\u180e', '\u200b', '\u200c', '\u200d', '\u2028', '\u2029', '\u2060',
                    '\u3000', '\ufeff', '\ufff9', '\ufffd', '\ufffe', '\uffff', '\ud800', '\udbff', '\udc00', '\udfff', '\ue000')
            .withCharRange('a', 'c').ofMinLength(1).ofMaxLength(30);
    /** Japanese, full-width forms and NFKC-changing characters. */
    private static final Arbitrary<String> CJK = Arbitraries.strings().withCharRange('\u3040', '\u30ff')
            .withCharRange('\u4e00', '\u4e80').withCharRange('\uff01', '\uff5e').withChars('\u2460', '\u3231', '\u337f', '\ufb01')
            .ofMinLength(1).ofMaxLength(30);

    private static final List<String> NASTY = List.of("", " ", "   ", "\t", "\n", "null", "undefined", "NaN", "0", "-1", "true",
            "' OR '1'='1", "\"; DROP TABLE users; --", "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/x}", "%s%s%n%x",
            "../../../../etc/passwd", "{{7*7}}", "#{7*7}", "\\", "\\\\u0000", "\"", "http://example.com", "https://evil.example/x",
            "mailto:a@b.c", "a@b.c", "javascript:alert(1)", "//evil.example", "/\\evil.example", "\u202eRTL override\u202c",
            "e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301", "𠮷野家", "ｈｔｔｐｓ：／／ｅｘａｍｐｌｅ．ｃｏｍ", "\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67",
            "\ud800", "\udfff", "\udfff\ud800", "\u0000", "tаma", "TAMA", " tama", "tama ", "ttl-updater\u0000", "Ttl-Updater");

    private BadValues() {
    }

    static <T> T draw(Arbitrary<T> arbitrary, Random random) {
        return arbitrary.generator(GEN_SIZE, true).next(random).value();
    }

    /** An odd string: from the jqwik Unicode arbitraries, the nasty list, or a repetition. */
    static String oddString(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> draw(ANY_CHARS, random);
            case 1 -> draw(RTL, random);
            case 2 -> draw(EMOJI, random);
            case 3 -> draw(INVISIBLE, random);
            case 4 -> draw(CJK, random);
            case 5 -> NASTY.get(random.nextInt(NASTY.size()));
            default -> draw(ANY_CHARS, random).repeat(1 + random.nextInt(50));
        };
    }

    /** A string around the schema's length bounds (or far beyond them). */
    static String lengthEdge(Schema<?> schema, Random random) {
        int max = schema.getMaxLength() == null ? 2048 : schema.getMaxLength();
        int min = schema.getMinLength() == null ? 0 : schema.getMinLength();
        String unit = switch (random.nextInt(4)) {
            case 0 -> "a";
            case 1 -> "あ";
            case 2 -> "\ud83d\ude00";
            default -> "e\u0301";
        };
        int length = switch (random.nextInt(6)) {
            case 0 -> max + 1;
            case 1 -> max;
            case 2 -> Math.max(0, min - 1);
            case 3 -> max * 10 + 1;
            case 4 -> 100_000;
            default -> 0;
        };
        return unit.repeat(Math.max(0, length / unit.length()) + (length % unit.length() == 0 ? 0 : 1));
    }

    /** A bad or odd value for a property of the given schema. */
    static JsonNode forSchema(Schema<?> schema, Random random) {
        String type = Schemas.type(schema);
        int pick = random.nextInt(10);
        if (pick < 3) {
            return wrongType(type, random);
        }
        return switch (type) {
            case "string" -> schema.getEnum() != null && random.nextBoolean()
                    ? NODES.textNode(badEnum(schema, random))
                    : NODES.textNode(random.nextInt(3) == 0 ? lengthEdge(schema, random)
                    : "date-time".equals(schema.getFormat()) || "date".equals(schema.getFormat()) ? badDate(random) : oddString(random));
            case "integer", "number" -> badNumber(schema, random);
            case "boolean" -> wrongType("boolean", random);
            case "array" -> NODES.arrayNode().add(forSchema(schema.getItems(), random));
            default -> wrongType(type, random);
        };
    }

    static String badEnum(Schema<?> schema, Random random) {
        String valid = schema.getEnum().get(random.nextInt(schema.getEnum().size())).toString();
        return switch (random.nextInt(6)) {
            case 0 -> valid.toUpperCase();
            case 1 -> " " + valid;
            case 2 -> valid + "\u0000";
            case 3 -> valid.replace('a', 'а');
            case 4 -> valid + valid;
            default -> oddString(random);
        };
    }

    static String badDate(Random random) {
        List<String> dates = List.of("2026-13-01T00:00:00+09:00", "2026-02-30T00:00:00+09:00", "2026-11-27T25:00:00+09:00",
                "2026-11-27", "2026-11-27T10:00:00", "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
                "9999-12-31T23:59:59+09:00", "0000-01-01T00:00:00Z", "2026-11-27T10:00:00+25:00", "2026-11-27T10:00:00.1234567891+09:00",
                "now", "1764117000", "2026-11-27T10:00:00Z[Asia/Tokyo]", "２０２６-１１-２７", "2026-11-27T10:00:00+09:00\u0000",
                "2026-1-1", "+10000-01-01", "-0001-12-31", "1970-01-01T00:00:00-18:00");
        return dates.get(random.nextInt(dates.size()));
    }

    static JsonNode badNumber(Schema<?> schema, Random random) {
        BigDecimal max = schema.getMaximum() == null ? BigDecimal.valueOf(Integer.MAX_VALUE) : schema.getMaximum();
        BigDecimal min = schema.getMinimum() == null ? BigDecimal.valueOf(Integer.MIN_VALUE) : schema.getMinimum();
        return switch (random.nextInt(11)) {
            case 0 -> NODES.numberNode(max.add(BigDecimal.ONE));
            case 1 -> NODES.numberNode(min.subtract(BigDecimal.ONE));
            case 2 -> NODES.numberNode(BigInteger.TWO.pow(63));
            case 3 -> NODES.numberNode(BigInteger.TWO.pow(64).negate());
            case 4 -> NODES.numberNode(new BigDecimal("1e400"));
            case 5 -> NODES.numberNode(new BigDecimal("-1e-400"));
            case 6 -> NODES.numberNode(1.5);
            case 7 -> NODES.numberNode(Long.MAX_VALUE);
            case 8 -> NODES.numberNode(0);
            case 9 -> NODES.numberNode(new BigDecimal("3.0"));
            default -> NODES.numberNode(-0.0);
        };
    }

    /** A JSON value of a type other than {@code type}. */
    static JsonNode wrongType(String type, Random random) {
        for (int i = 0; i < 10; i++) {
            JsonNode value = switch (random.nextInt(8)) {
                case 0 -> NODES.nullNode();
                case 1 -> NODES.booleanNode(random.nextBoolean());
                case 2 -> NODES.numberNode(random.nextInt(200) - 100);
                case 3 -> NODES.numberNode(random.nextDouble() * 1e6);
                case 4 -> NODES.textNode(random.nextBoolean() ? "true" : Integer.toString(random.nextInt(10)));
                case 5 -> NODES.arrayNode().add(oddString(random)).add(1);
                case 6 -> NODES.objectNode().put("value", oddString(random));
                default -> NODES.arrayNode();
            };
            if (!matches(value, type)) {
                return value;
            }
        }
        return NODES.objectNode();
    }

    private static boolean matches(JsonNode value, String type) {
        return switch (type) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            default -> false;
        };
    }
}
