package io.shikaku.common.event;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/** Records an event in the caller's transaction; {@link OutboxRelay} publishes it after the commit. */
@ApplicationScoped
public class Outbox {

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "quarkus.application.name")
    String source;

    /**
     * @param topic   the Kafka topic
     * @param key     the aggregate id, used as record key so that one aggregate's events stay in order
     * @param type    what happened, e.g. {@code io.shikaku.eligibility.check.recorded}
     * @param subject the id of the thing the event is about
     * @param data    the event's payload; never a My Number, and only the personal data its consumers need
     */
    public Uni<Void> add(String topic, String key, String type, String subject, Object data) {
        OutboxMessage message = new OutboxMessage();
        message.id = UUID.randomUUID();
        message.topic = topic;
        message.recordKey = key;
        message.createdAt = Instant.now();
        message.envelope = toJson(new EventEnvelope(message.id, type, source, message.createdAt, subject, data));
        return message.persist().replaceWithVoid();
    }

    private String toJson(EventEnvelope envelope) {
        try {
            return json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("An event could not be written as JSON: " + envelope.type(), e);
        }
    }
}
