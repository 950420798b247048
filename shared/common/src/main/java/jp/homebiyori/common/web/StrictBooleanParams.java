package jp.homebiyori.common.web;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Boolean query and header parameters accept exactly {@code true} or {@code false}. JAX-RS's default
 * ({@code Boolean.valueOf}) would read {@code unread_only=maybe} as false and answer something the
 * caller did not ask for; this makes it a 400 naming the parameter. Also reads ISO dates
 * ({@code format: date}), which JAX-RS has no converter for.
 */
@Provider
public class StrictBooleanParams implements ParamConverterProvider {

    private static final ParamConverter<Boolean> STRICT = new ParamConverter<>() {
        @Override
        public Boolean fromString(String value) {
            if (value == null) {
                return null;
            }
            if ("true".equals(value)) {
                return Boolean.TRUE;
            }
            if ("false".equals(value)) {
                return Boolean.FALSE;
            }
            throw new IllegalArgumentException("expected true or false");
        }

        @Override
        public String toString(Boolean value) {
            return value.toString();
        }
    };

    /** ISO dates ({@code 2026-11-26}) for the {@code format: date} query parameters. */
    private static final ParamConverter<java.time.LocalDate> DATE = new ParamConverter<>() {
        @Override
        public java.time.LocalDate fromString(String value) {
            return value == null ? null : java.time.LocalDate.parse(value);
        }

        @Override
        public String toString(java.time.LocalDate value) {
            return value.toString();
        }
    };

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType == Boolean.class || rawType == boolean.class) {
            return (ParamConverter<T>) STRICT;
        }
        return rawType == java.time.LocalDate.class ? (ParamConverter<T>) DATE : null;
    }
}
