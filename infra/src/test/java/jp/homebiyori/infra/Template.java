package jp.homebiyori.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * infra/template.yaml as the tests read it: resources by type, functions with SAM's {@code Globals}
 * applied, and values with their intrinsics resolved to text for one environment ({@link #ENV}):
 * pseudo parameters and template parameters become their test values, any other reference becomes
 * {@code <LogicalId>} or {@code <LogicalId.Attribute>}, so "which table does this ARN name" is a
 * string comparison.
 */
final class Template {

    static final String ENV = "prod";
    static final String REGION = "ap-northeast-1";
    static final String ACCOUNT = "123456789012";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

    private final Map<String, Object> root;

    private Template(Map<String, Object> root) {
        this.root = root;
    }

    static Path repositoryRoot() {
        String root = System.getProperty("homebiyori.root");
        return root == null || root.isBlank() ? Path.of("..") : Path.of(root);
    }

    static Path file() {
        return repositoryRoot().resolve("infra/template.yaml");
    }

    static Template load() {
        try {
            return new Template(CloudFormationYaml.read(file()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, Object> root() {
        return root;
    }

    Map<String, Object> resources() {
        return map(root.get("Resources"));
    }

    /** Logical id → resource (Type, Properties, …) of every resource of {@code type}, in template order. */
    Map<String, Map<String, Object>> resources(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        resources().forEach((id, r) -> {
            if (type.equals(map(r).get("Type"))) {
                found.put(id, map(r));
            }
        });
        return found;
    }

    Map<String, Object> properties(String logicalId) {
        Object resource = resources().get(logicalId);
        if (resource == null) {
            throw new AssertionError("no resource " + logicalId + " in the template");
        }
        return map(map(resource).getOrDefault("Properties", Map.of()));
    }

    /** The functions by their design-document name (the suffix of FunctionName), Globals applied. */
    Map<String, Function> functions() {
        Map<String, Object> globals = map(map(root.getOrDefault("Globals", Map.of())).getOrDefault("Function", Map.of()));
        Map<String, Function> functions = new LinkedHashMap<>();
        resources("AWS::Serverless::Function").forEach((id, r) -> {
            Map<String, Object> properties = withGlobals(globals, map(r.get("Properties")));
            String name = text(properties.get("FunctionName")).replaceFirst("^" + ENV + "-homebiyori-", "");
            functions.put(name, new Function(name, id, properties));
        });
        return functions;
    }

    /** A function: its name, logical id and properties (Globals merged as SAM merges them). */
    record Function(String name, String logicalId, Map<String, Object> properties) {

        Object get(String property) {
            return properties.get(property);
        }

        Map<String, String> environment() {
            Map<String, String> variables = new LinkedHashMap<>();
            map(map(properties.getOrDefault("Environment", Map.of())).getOrDefault("Variables", Map.of()))
                    .forEach((k, v) -> variables.put(k, text(v)));
            return variables;
        }

        Map<String, Map<String, Object>> events() {
            Map<String, Map<String, Object>> events = new LinkedHashMap<>();
            map(properties.getOrDefault("Events", Map.of())).forEach((k, v) -> events.put(k, map(v)));
            return events;
        }

        /** The role's logical id ({@code Role: !GetAtt XRole.Arn}). */
        String roleLogicalId() {
            return reference(properties.get("Role")).orElseThrow(() -> new AssertionError(name + " has no role of its own"));
        }
    }

    /**
     * SAM's Globals: a function's value wins for plain values, maps are merged (the function's keys
     * winning), lists are the global items followed by the function's.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> withGlobals(Map<String, Object> globals, Map<String, Object> own) {
        Map<String, Object> merged = new LinkedHashMap<>(globals);
        own.forEach((key, value) -> {
            Object global = merged.get(key);
            if (global instanceof Map<?, ?> g && value instanceof Map<?, ?> v && !isIntrinsic(v)) {
                merged.put(key, withGlobals((Map<String, Object>) g, (Map<String, Object>) v));
            } else if (global instanceof List<?> g && value instanceof List<?> v) {
                List<Object> both = new ArrayList<>(g);
                both.addAll(v);
                merged.put(key, both);
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }

    private static boolean isIntrinsic(Map<?, ?> value) {
        return value.size() == 1 && value.keySet().iterator().next() instanceof String k
                && (k.equals("Ref") || k.startsWith("Fn::"));
    }

    /** The logical id a value refers to ({@code !Ref X}, {@code !GetAtt X.Attr}), if it is such a reference. */
    static Optional<String> reference(Object value) {
        if (value instanceof Map<?, ?> m && m.size() == 1) {
            if (m.get("Ref") instanceof String ref) {
                return Optional.of(ref);
            }
            if (m.get("Fn::GetAtt") instanceof List<?> att) {
                return Optional.of((String) att.get(0));
            }
        }
        return Optional.empty();
    }

    /** A value as text for {@link #ENV}: see the class comment. */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> m && m.size() == 1) {
            if (m.get("Ref") instanceof String ref) {
                return symbol(ref);
            }
            if (m.get("Fn::GetAtt") instanceof List<?> att) {
                return "<" + att.get(0) + "." + att.get(1) + ">";
            }
            if (m.containsKey("Fn::Sub")) {
                Object sub = m.get("Fn::Sub");
                if (!(sub instanceof String template)) {
                    throw new AssertionError("Fn::Sub with variables is not used in this template: " + sub);
                }
                Matcher matcher = PLACEHOLDER.matcher(template);
                StringBuilder out = new StringBuilder();
                while (matcher.find()) {
                    matcher.appendReplacement(out, Matcher.quoteReplacement(symbol(matcher.group(1))));
                }
                return matcher.appendTail(out).toString();
            }
            if (m.get("Fn::Join") instanceof List<?> join) {
                List<String> parts = ((List<?>) join.get(1)).stream().map(Template::text).toList();
                return String.join((String) join.get(0), parts);
            }
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw new AssertionError("not a text value: " + value);
        }
        return value.toString();
    }

    private static String symbol(String name) {
        return switch (name) {
            case "Env" -> ENV;
            case "AWS::Region" -> REGION;
            case "AWS::AccountId" -> ACCOUNT;
            case "AWS::Partition" -> "aws";
            default -> "<" + name + ">";
        };
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        if (!(value instanceof Map<?, ?>)) {
            throw new AssertionError("expected a mapping, got " + value);
        }
        return (Map<String, Object>) value;
    }

    /** A value that may be one item or a list of items, as a list. */
    static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> l ? List.copyOf(l) : List.of(value);
    }
}
