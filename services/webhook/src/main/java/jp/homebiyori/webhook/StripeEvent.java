package jp.homebiyori.webhook;

import com.fasterxml.jackson.databind.JsonNode;

/** A verified Stripe event: id, type, creation time (epoch seconds) and its {@code data.object}. */
public record StripeEvent(String id, String type, long created, JsonNode object) {

    /** A text field of the object, or null. */
    public String text(String field) {
        JsonNode node = object.path(field);
        return node.isTextual() ? node.asText() : null;
    }

    /** {@code metadata.user_id} of the object, or null. */
    public String metadataUserId() {
        JsonNode node = object.path("metadata").path("user_id");
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }
}
