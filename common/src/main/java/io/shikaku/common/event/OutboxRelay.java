package io.shikaku.common.event;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes outbox events to Kafka, oldest first and one at a time so that each key keeps its order; an event is
 * marked published only after the broker acknowledged it, so a crash or a broker outage means a later retry
 * (at least once), never a loss. Several replicas share the work through {@code SKIP LOCKED}.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;
    private static final String PENDING = "SELECT * FROM outbox WHERE published_at IS NULL"
            + " ORDER BY created_at, id LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED";

    @Inject
    @Channel("shikaku-events")
    MutinyEmitter<String> events;

    @Scheduled(every = "${shikaku.outbox.relay-every:1s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> relay() {
        return publishPending()
                .onFailure().invoke(e -> LOG.warnf("Outbox relay will retry: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Publishes up to one batch of pending events; the number published. */
    @WithTransaction
    public Uni<Integer> publishPending() {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(PENDING, OutboxMessage.class).getResultList())
                .chain(this::publishInOrder);
    }

    private Uni<Integer> publishInOrder(List<OutboxMessage> pending) {
        return Multi.createFrom().iterable(pending)
                .onItem().transformToUniAndConcatenate(message -> events.sendMessage(toRecord(message))
                        .invoke(() -> message.publishedAt = Instant.now()))
                .collect().asList()
                .map(List::size);
    }

    private static Message<String> toRecord(OutboxMessage message) {
        return Message.of(message.envelope).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(message.topic).withKey(message.recordKey).build());
    }
}
