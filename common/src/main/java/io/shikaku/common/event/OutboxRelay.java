package io.shikaku.common.event;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
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
 * Publishes outbox events to Kafka, oldest first and one at a time, so that every key keeps its order. An event
 * is marked published only after the broker acknowledged it: a crash or a broker outage means a later retry (at
 * least once), never a loss. With several replicas, one relay at a time works (a transaction-scoped advisory
 * lock), since two relays sending side by side could reorder a key's events.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;
    /** The advisory lock that makes one relay per database the publisher; any constant, the same everywhere. */
    private static final long RELAY_LOCK = 7_301_001L;
    private static final String BECOME_PUBLISHER = "SELECT pg_try_advisory_xact_lock(" + RELAY_LOCK + ")";
    private static final String PENDING = "SELECT * FROM outbox WHERE published_at IS NULL"
            + " ORDER BY created_at, id LIMIT " + BATCH;

    @Inject
    @Channel("shikaku-events")
    MutinyEmitter<String> events;

    /** How long published events stay in the table (for inspection) before they are deleted. */
    @ConfigProperty(name = "shikaku.outbox.keep-published", defaultValue = "P7D")
    Duration keepPublished;

    @Scheduled(every = "${shikaku.outbox.relay-every:1s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> relay() {
        return publishPending()
                .onFailure().invoke(e -> LOG.warnf("Outbox relay will retry: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return deletePublishedBefore(Instant.now().minus(keepPublished))
                .onFailure().invoke(e -> LOG.warnf("Outbox purge will retry: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Publishes up to one batch of pending events, unless another replica is publishing; the number published. */
    @WithTransaction
    public Uni<Integer> publishPending() {
        return Panache.getSession().chain(session -> session.createNativeQuery(BECOME_PUBLISHER, Boolean.class)
                .getSingleResult()
                .chain(publisher -> Boolean.TRUE.equals(publisher)
                        ? session.createNativeQuery(PENDING, OutboxMessage.class).getResultList()
                                .chain(this::publishInOrder)
                        : Uni.createFrom().item(0)));
    }

    /** Deletes events published before {@code instant}; the number deleted. */
    @WithTransaction
    public Uni<Long> deletePublishedBefore(Instant instant) {
        return OutboxMessage.delete("publishedAt < ?1", instant);
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
