/** webhook-service: Stripe webhooks: signature, idempotency, order safety, TTL queue, notifications. 256 MB, 15 s. */
package jp.homebiyori.webhook;
