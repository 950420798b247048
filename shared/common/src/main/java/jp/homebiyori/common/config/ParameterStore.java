package jp.homebiyori.common.config;

import java.util.Optional;

/**
 * Parameter Store, by the names of domain.md relative to {@code /{env}/homebiyori/}
 * (e.g. {@code maintenance/enabled}). Adapters: {@link SsmParameterStore} (AWS, cached) and
 * {@link InMemoryParameterStore} (local process and tests, seeded from config).
 */
public interface ParameterStore {

    Optional<String> get(String name);

    /** Writes a parameter (the admin API's maintenance switch); readers see it within their cache time. */
    void put(String name, String value, boolean secure);

    default String getOrDefault(String name, String fallback) {
        return get(name).orElse(fallback);
    }

    /**
     * Where the values come from: {@code ssm} (Parameter Store) or {@code local} (this process's configuration).
     */
    default String source() {
        return "local";
    }

    /**
     * One read of {@code name} past any cache, for a pod's readiness check: returns if the store answered
     * (an absent parameter is an answer), throws if it could not be reached within {@code timeout}. A store
     * inside the process always answers.
     */
    default void probe(String name, java.time.Duration timeout) {
    }
}
