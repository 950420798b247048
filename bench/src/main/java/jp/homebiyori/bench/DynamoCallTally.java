package jp.homebiyori.bench;

import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts DynamoDB calls by operation name under load (an SDK execution interceptor that the common
 * layer's DynamoDB producer picks up as a CDI bean). Unlike the test kit's {@code DynamoCallCounter},
 * which keeps every call in order for one request, this keeps only counters, so it costs nothing
 * measurable at thousands of calls a second.
 */
@ApplicationScoped
public class DynamoCallTally implements ExecutionInterceptor {

    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        calls.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), k -> new LongAdder()).increment();
    }

    public void reset() {
        calls.clear();
    }

    /** Calls since the last reset, by operation name. */
    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        calls.forEach((name, count) -> copy.put(name, count.sum()));
        return copy;
    }

    public long total() {
        return calls.values().stream().mapToLong(LongAdder::sum).sum();
    }
}
