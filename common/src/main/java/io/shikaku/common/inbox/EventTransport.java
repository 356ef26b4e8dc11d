package io.shikaku.common.inbox;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.shikaku.common.db.ConnectionFailures;
import io.smallrye.mutiny.Uni;

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

    private EnvelopeReader reader;

    @PostConstruct
    void init() {
        reader = new EnvelopeReader(json);
    }

    public <T> Uni<Void> receive(Message<String> message, EventHandler<T> handler) {
        ReceivedEvent received = received(message);
        AtomicReference<UUID> eventId = new AtomicReference<>();
        return Uni.createFrom().item(() -> reader.envelope(message.getPayload()))
                .invoke(envelope -> eventId.set(envelope.id()))
                .chain(envelope -> {
                    T data = reader.data(envelope, handler.dataType());
                    return ConnectionFailures.retriedWhileNoConnection(
                            inbox.once(handler.consumer(), envelope.id(), () -> handler.handle(envelope, data)));
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

    private static ReceivedEvent received(Message<String> message) {
        return ReceivedEvent.of(message);
    }
}
