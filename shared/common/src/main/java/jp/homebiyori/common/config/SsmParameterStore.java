package jp.homebiyori.common.config;

import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parameter Store in AWS: {@code GetParameter} with decryption under {@code /{env}/homebiyori/},
 * each value (and each absence) cached for {@code cacheTtl} so a request costs no SSM call in the
 * steady state. A failed refresh keeps serving the last value it had.
 */
public final class SsmParameterStore implements ParameterStore {

    private record Entry(Optional<String> value, Instant expires) {
    }

    private final java.util.function.Supplier<SsmClient> ssm;
    private final String prefix;
    private final Duration cacheTtl;
    private final Clock clock;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    public SsmParameterStore(SsmClient ssm, String env, Duration cacheTtl, Clock clock) {
        this(() -> ssm, env, cacheTtl, clock);
    }

    /** With a client supplied on first use ({@link AwsClients#lazily}): no client is built until a parameter is read. */
    public SsmParameterStore(java.util.function.Supplier<SsmClient> ssm, String env, Duration cacheTtl, Clock clock) {
        this.ssm = ssm;
        this.prefix = "/" + env + "/homebiyori/";
        this.cacheTtl = cacheTtl;
        this.clock = clock;
    }

    @Override
    public Optional<String> get(String name) {
        Instant now = clock.instant();
        Entry entry = cache.get(name);
        if (entry != null && now.isBefore(entry.expires())) {
            return entry.value();
        }
        Optional<String> value;
        try {
            value = Optional.of(ssm.get().getParameter(b -> b.name(prefix + name).withDecryption(true)).parameter().value());
        } catch (ParameterNotFoundException e) {
            value = Optional.empty();
        } catch (RuntimeException e) {
            if (entry != null) {
                return entry.value();
            }
            throw e;
        }
        cache.put(name, new Entry(value, now.plus(cacheTtl)));
        return value;
    }

    @Override
    /**
     * Writes the parameter; an empty value deletes it instead (Parameter Store refuses empty values, and
     * a missing parameter reads as empty, as an empty one would).
     */
    public void put(String name, String value, boolean secure) {
        if (value == null || value.isEmpty()) {
            try {
                ssm.get().deleteParameter(b -> b.name(prefix + name));
            } catch (ParameterNotFoundException alreadyGone) {
                // nothing to clear
            }
        } else {
            ssm.get().putParameter(b -> b.name(prefix + name).value(value).overwrite(true)
                    .type(secure ? ParameterType.SECURE_STRING : ParameterType.STRING));
        }
        cache.remove(name);
    }

    @Override
    public String source() {
        return "ssm";
    }

    /** An uncached {@code GetParameter} (no decryption) bounded by {@code timeout}; a missing parameter is an answer. */
    @Override
    public void probe(String name, Duration timeout) {
        try {
            ssm.get().getParameter(b -> b.name(prefix + name).overrideConfiguration(o -> o.apiCallTimeout(timeout)));
        } catch (ParameterNotFoundException absent) {
            // Parameter Store answered
        }
    }

    public String prefix() {
        return prefix;
    }
}
