/**
 * Hand-written annotations that the generated interfaces of {@code jp.homebiyori.api.user},
 * {@code .admin} and {@code .internal} carry. Everything else in those packages is generated from
 * {@code openapi/} at build time.
 */
package jp.homebiyori.api;
