package io.shikaku.common.inbox;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Keeps an event that a consumer could not parse or handle, with why, so that it can be looked at and replayed while
 * the partition goes on; counted in {@code shikaku_inbox_parked_total{consumer}}. Written outside the failed
 * transaction, and logged by position only: the payload stays in the table.
 */
@ApplicationScoped
public class ParkedEvents {

    private static final Logger LOG = Logger.getLogger(ParkedEvents.class);
    private static final String PARK = "INSERT INTO parked_event (consumer, topic, record_partition, record_offset,"
            + " record_key, event_id, error, payload) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";

    @Inject
    Pool db;

    @Inject
    MeterRegistry metrics;

    Uni<Void> park(String consumer, ReceivedEvent received, UUID eventId, String payload, Throwable failure) {
        String error = ErrorText.of(failure);
        return db.preparedQuery(PARK)
                .execute(Tuple.from(new Object[] {consumer, received.topic(), received.partition(), received.offset(),
                        received.key(), eventId, error, payload}))
                .invoke(() -> {
                    metrics.counter("shikaku.inbox.parked", "consumer", consumer).increment();
                    LOG.warnf("%s parked the event at %s-%d@%d: %s", consumer, received.topic(), received.partition(),
                            received.offset(), error);
                })
                .replaceWithVoid();
    }
}
