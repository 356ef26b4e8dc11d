package io.shikaku.common.inbox;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shikaku.common.event.EventEnvelope;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * The transport half of every consumer: parses a Kafka record's envelope, hands it to the {@link EventHandler}
 * through the {@link Inbox}, and acknowledges the record only after the handler's transaction committed, so that the
 * offset is committed only then. An event it cannot parse or handle is parked and acknowledged too: it never blocks
 * its partition. Only when even parking fails is the record nacked, and the channel's failure strategy decides.
 * A consumer's {@code @Incoming} method is one line: {@code return transport.receive(message, handler);}.
 */
@ApplicationScoped
public class EventTransport {

    private static final Logger LOG = Logger.getLogger(EventTransport.class);

    @Inject
    ObjectMapper json;

    @Inject
    Inbox inbox;

    @Inject
    ParkedEvents parked;

    public <T> Uni<Void> receive(Message<String> message, EventHandler<T> handler) {
        ReceivedEvent received = received(message);
        AtomicReference<UUID> eventId = new AtomicReference<>();
        return Uni.createFrom().item(() -> envelope(message.getPayload()))
                .invoke(envelope -> eventId.set(envelope.id()))
                .chain(envelope -> {
                    T data = data(envelope, handler.dataType());
                    return inbox.once(handler.consumer(), envelope.id(), () -> handler.handle(envelope, data));
                })
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> parked.park(handler.consumer(), received, eventId.get(),
                        message.getPayload(), failure))
                .chain(() -> Uni.createFrom().completionStage(message::ack))
                .onFailure().recoverWithUni(failure -> {
                    LOG.errorf("%s could not park the event at %s-%d@%d: %s", handler.consumer(), received.topic(),
                            received.partition(), received.offset(), failure.getClass().getName());
                    return Uni.createFrom().completionStage(() -> message.nack(failure));
                });
    }

    private EventEnvelope envelope(String payload) {
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

    private <T> T data(EventEnvelope envelope, Class<T> type) {
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

    private static ReceivedEvent received(Message<String> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> new ReceivedEvent(m.getTopic(), m.getPartition(), m.getOffset(),
                        m.getKey() == null ? null : m.getKey().toString()))
                .orElse(new ReceivedEvent("unknown", -1, -1, null));
    }
}
