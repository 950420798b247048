package jp.homebiyori.common.config;

import org.eclipse.microprofile.config.Config;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parameter Store inside the process: seeded from config keys {@code homebiyori.parameters.<a>.<b>}
 * (parameter {@code a/b}); writes are seen at once. The local stack and tests use it. The keys are found
 * by listing the configuration, so they must come from properties (files or system properties): an
 * environment variable's name cannot be mapped back to the dotted key.
 */
public final class InMemoryParameterStore implements ParameterStore {

    static final String PREFIX = "homebiyori.parameters.";

    private final Map<String, String> values = new ConcurrentHashMap<>();

    public InMemoryParameterStore(Map<String, String> seed) {
        values.putAll(seed);
    }

    public static InMemoryParameterStore fromConfig(Config config) {
        InMemoryParameterStore store = new InMemoryParameterStore(Map.of());
        for (String key : config.getPropertyNames()) {
            if (key.startsWith(PREFIX) && key.length() > PREFIX.length()) {
                String name = key.substring(PREFIX.length()).replaceFirst("\\.", "/");
                config.getOptionalValue(key, String.class).ifPresent(v -> store.values.put(name, v));
            }
        }
        return store;
    }

    @Override
    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    @Override
    public void put(String name, String value, boolean secure) {
        values.put(name, value);
    }
}
