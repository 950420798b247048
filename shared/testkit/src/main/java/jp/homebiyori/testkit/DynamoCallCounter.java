package jp.homebiyori.testkit;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Counts the DynamoDB calls a request makes (an SDK execution interceptor). Add it to a test with
 * {@code @AddBean(DynamoCallCounter.class)}; the common layer's DynamoDB producer picks up interceptor beans.
 */
@jakarta.enterprise.context.ApplicationScoped
public class DynamoCallCounter implements ExecutionInterceptor {

    private final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        calls.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }

    public void reset() {
        calls.clear();
    }

    public List<String> calls() {
        return List.copyOf(calls);
    }
}
