package io.shikaku.common.event;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Publishes outbox events to Kafka (DESIGN.md, Events). Woken when a transaction that wrote events commits
 * ({@link OutboxWakeUp}) and by a timer as a fallback, it drains the table batch by batch: reads the oldest pending
 * events, sends them all without waiting between records (the idempotent producer keeps their order per key), and
 * marks the batch published in one statement once the broker acknowledged every record. A failed batch stays
 * pending and is sent again later: at least once, never lost. One relay per database works at a time (a
 * transaction-scoped advisory lock), since two relays side by side could reorder a key's events.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** The advisory lock that makes one relay per database the publisher; any constant, the same everywhere. */
    private static final long RELAY_LOCK = 7_301_001L;
    private static final String BECOME_PUBLISHER = "SELECT pg_try_advisory_xact_lock(" + RELAY_LOCK + ")";
    private static final String PENDING = "SELECT " + PendingEvent.COLUMNS + " FROM outbox"
            + " WHERE published_at IS NULL ORDER BY created_at, id LIMIT $1";
    private static final String MARK_PUBLISHED = "UPDATE outbox SET published_at = now() WHERE id = ANY($1)";

    @Inject
    OutboxConfig config;

    @Inject
    Pool db;

    @Inject
    EventProducer producer;

    @Inject
    OutboxWakeUp wakeUp;

    @Inject
    MeterRegistry metrics;

    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private Counter published;
    private Counter failures;

    void start(@Observes StartupEvent started) {
        if (config.relay().enabled()) {
            published = metrics.counter("shikaku.outbox.published");
            failures = metrics.counter("shikaku.outbox.relay.failures");
            wakeUp.listen(this::wake);
            wake();
        }
    }

    @Scheduled(every = "${shikaku.outbox.relay.every:1s}", delayed = "1s")
    void onTimer() {
        wake();
    }

    /** Asks for the pending events to be published; returns at once, a drain under way takes the request along. */
    public void wake() {
        if (!config.relay().enabled()) {
            return;
        }
        wanted.set(true);
        if (draining.compareAndSet(false, true)) {
            drain();
        }
    }

    private void drain() {
        wanted.set(false);
        publishBatch().subscribe().with(count -> {
            if (count == config.relay().batchSize()) {
                drain();
            } else {
                draining.set(false);
                if (wanted.get()) {
                    wake();
                }
            }
        }, failure -> {
            failures.increment();
            LOG.warnf("Outbox relay will retry the batch: %s", failure.toString());
            draining.set(false);
        });
    }

    /** Publishes the oldest batch of pending events, unless another replica is publishing; the number published. */
    public Uni<Integer> publishBatch() {
        return db.withTransaction(connection -> connection.query(BECOME_PUBLISHER).execute()
                .chain(rows -> rows.iterator().next().getBoolean(0)
                        ? publishPending(connection)
                        : Uni.createFrom().item(0)));
    }

    private Uni<Integer> publishPending(SqlConnection connection) {
        return connection.preparedQuery(PENDING).execute(Tuple.of(config.relay().batchSize()))
                .map(rows -> {
                    List<PendingEvent> pending = new ArrayList<>(rows.size());
                    rows.forEach(row -> pending.add(PendingEvent.of(row)));
                    return pending;
                })
                .chain(pending -> pending.isEmpty()
                        ? Uni.createFrom().item(0)
                        : producer.sendAll(pending)
                                .chain(() -> connection.preparedQuery(MARK_PUBLISHED)
                                        .execute(Tuple.of(pending.stream().map(PendingEvent::id).toArray(UUID[]::new))))
                                .invoke(() -> published.increment(pending.size()))
                                .replaceWith(pending.size()));
    }
}
