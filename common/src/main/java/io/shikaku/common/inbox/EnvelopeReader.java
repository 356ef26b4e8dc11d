package io.shikaku.common.inbox;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shikaku.common.event.EventEnvelope;

/**
 * Reads a Kafka value as the suite's event envelope and its {@code data} as the consumer's type, for the one-by-one
 * and the batch transports alike; what it cannot read is an {@link UnreadableEvent} whose message names fields only.
 */
final class EnvelopeReader {

    private final ObjectMapper json;

    EnvelopeReader(ObjectMapper json) {
        this.json = json;
    }

    EventEnvelope envelope(String payload) {
        JsonNode tree;
        try {
            tree = json.readTree(payload == null ? "" : payload);
        } catch (JsonProcessingException e) {
            throw new UnreadableEvent("not JSON", e);
        }
        try {
            return new EventEnvelope(UUID.fromString(text(tree, "id")), text(tree, "type"), text(tree, "source"),
                    json.treeToValue(tree.get("time"), Instant.class), text(tree, "subject"), tree.get("data"));
        } catch (IllegalArgumentException | JsonProcessingException | NullPointerException e) {
            throw new UnreadableEvent("not an event envelope (id, type, source, time, subject, data)", e);
        }
    }

    <T> T data(EventEnvelope envelope, Class<T> type) {
        try {
            return json.treeToValue((JsonNode) envelope.data(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UnreadableEvent("data is not a " + type.getSimpleName(), e);
        }
    }

    private static String text(JsonNode tree, String field) {
        JsonNode node = tree.get(field);
        if (node == null || !node.isTextual()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return node.asText();
    }
}
