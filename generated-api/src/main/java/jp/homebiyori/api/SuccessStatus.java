package jp.homebiyori.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The success status of an operation whose spec answers with something other than 200 (vendor
 * extension {@code x-success-status}). Generated interfaces return the body type, so a response
 * filter of the common layer applies this status.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SuccessStatus {
    int value();
}
