package io.shikaku.common.inbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.shikaku.common.db.ConnectionFailures;
import io.shikaku.common.event.EventEnvelope;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The transport of a consumer that must keep up with bursts (a national master import publishes 229,202 events at
 * once): a Kafka batch (channel attribute {@code batch=true}) is applied in one transaction that claims every event
 * id in the {@link Inbox} with one statement and hands the new events to a {@link BatchEventHandler}'s set-based
 * statements; the batch is acknowledged, so its offsets committed, only after that transaction committed. A record
 * it cannot read is parked at once; when the batch's transaction fails, the events are retried one per transaction
 * and those that still fail are parked: neither blocks the partition. Only when even parking fails is the batch
 * nacked. A consumer's {@code @Incoming} method is one line: {@code return transport.receive(batch, handler);}.
 */
@ApplicationScoped
public class BatchEventTransport {

    private static final Logger LOG = Logger.getLogger(BatchEventTransport.class);

    @Inject
    ObjectMapper json;

    @Inject
    Inbox inbox;

    @Inject
    ParkedEvents parked;

    @Inject
    Pool db;

    private EnvelopeReader reader;

    @PostConstruct
    void init() {
        reader = new EnvelopeReader(json);
    }

    /**
     * A record read as an event, with the record (where it came from, for parking: looked up only then, since reading
     * a record's metadata costs more than reading its event) and its raw value (for replay).
     */
    private record Read<T>(KafkaRecord<String, String> record, String payload, InboxEvent<T> event) {
    }

    /** A record that could not be read, and why. */
    private record Unreadable(KafkaRecord<String, String> record, String payload, UUID eventId,
            RuntimeException failure) {
    }

    public <T> Uni<Void> receive(KafkaRecordBatch<String, String> batch, BatchEventHandler<T> handler) {
        List<Read<T>> events = new ArrayList<>(batch.getRecords().size());
        List<Unreadable> unreadable = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            String payload = record.getPayload();
            UUID eventId = null;
            try {
                EventEnvelope envelope = reader.envelope(payload);
                eventId = envelope.id();
                events.add(new Read<>(record, payload,
                        new InboxEvent<>(envelope, reader.data(envelope, handler.dataType()))));
            } catch (RuntimeException failure) {
                unreadable.add(new Unreadable(record, payload, eventId, failure));
            }
        }
        return Multi.createFrom().iterable(unreadable)
                .onItem()
                .transformToUniAndConcatenate(u -> parked.park(handler.consumer(), ReceivedEvent.of(u.record()),
                        u.eventId(), u.payload(), u.failure()))
                .collect().last()
                .chain(() -> apply(handler, events))
                .chain(() -> Uni.createFrom().completionStage(batch::ack))
                .onFailure().recoverWithUni(failure -> {
                    LOG.errorf("%s could not apply or park a batch of %d events: %s", handler.consumer(),
                            batch.getRecords().size(), failure.getClass().getName());
                    return Uni.createFrom().completionStage(() -> batch.nack(failure));
                });
    }

    private <T> Uni<Void> apply(BatchEventHandler<T> handler, List<Read<T>> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return ConnectionFailures.retriedWhileNoConnection(inOneTransaction(handler, events))
                .onFailure().recoverWithUni(failure -> {
                    LOG.debugf("%s retries a failed batch of %d events one by one: %s", handler.consumer(),
                            events.size(),
                            failure.getClass().getName());
                    return Multi.createFrom().iterable(events)
                            .onItem().transformToUniAndConcatenate(read -> ConnectionFailures
                                    .retriedWhileNoConnection(inOneTransaction(handler, List.of(read)))
                                    .onFailure()
                                    .recoverWithUni(
                                            single -> parked.park(handler.consumer(), ReceivedEvent.of(read.record()),
                                                    read.event().envelope().id(), read.payload(), single)))
                            .collect().last()
                            .replaceWithVoid();
                });
    }

    private <T> Uni<Void> inOneTransaction(BatchEventHandler<T> handler, List<Read<T>> events) {
        List<UUID> ids = events.stream().map(read -> read.event().envelope().id()).toList();
        return db.withTransaction(tx -> inbox.claimAll(tx, handler.consumer(), ids).chain(claimed -> {
            List<InboxEvent<T>> fresh = firstOfEach(events, claimed);
            return fresh.isEmpty() ? Uni.createFrom().voidItem() : handler.handle(tx, fresh);
        }));
    }

    /** The events whose ids were claimed now, each once (a batch may hold a redelivery of its own event). */
    private static <T> List<InboxEvent<T>> firstOfEach(List<Read<T>> events, Set<UUID> claimed) {
        Set<UUID> taken = new HashSet<>(claimed.size() * 2);
        List<InboxEvent<T>> fresh = new ArrayList<>(claimed.size());
        for (Read<T> read : events) {
            UUID id = read.event().envelope().id();
            if (claimed.contains(id) && taken.add(id)) {
                fresh.add(read.event());
            }
        }
        return fresh;
    }
}
