/**
 * The AWS Lambda form of the backend: {@link jp.homebiyori.lambda.HttpHandler} (REST API, payload v1),
 * {@link jp.homebiyori.lambda.HttpApiHandler} (HTTP API, payload v2) and
 * {@link jp.homebiyori.lambda.TtlQueueHandler} (SQS). Only this package imports Lambda types.
 */
package jp.homebiyori.lambda;
