package jp.homebiyori.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The spec's {@code operationId}, put on every generated interface method by the template in
 * {@code src/main/templates}. Logs, metrics and the rate limiter name a request by it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OperationId {
    String value();
}
