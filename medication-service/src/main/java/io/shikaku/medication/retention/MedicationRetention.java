package io.shikaku.medication.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.shikaku.common.json.CalendarDates;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Purges what is kept no longer (DOMAIN.md §6): dispensings older than the retention ({@link RetentionRule}, 3 years
 * by default), batches whose reports are as old, and consents expired for a day. Runs on a timer, one replica at a time
 * (a transaction-level advisory lock), deleting in chunks so that no transaction holds many rows; "today" comes from
 * the injected clock.
 */
@ApplicationScoped
public class MedicationRetention {

    private static final Logger LOG = Logger.getLogger(MedicationRetention.class);
    private static final long LOCK = 0x6d65646963L;

    private static final String DISPENSINGS = "DELETE FROM dispensing WHERE id IN (SELECT id FROM dispensing"
            + " WHERE dispensed_on < $1 LIMIT $2) AND pg_try_advisory_xact_lock(" + LOCK + ")";
    private static final String BATCHES = "DELETE FROM dispensing_batch WHERE accepted_at < $1 AND status = 'COMPLETED'"
            + " AND pg_try_advisory_xact_lock(" + LOCK + ")";
    private static final String CONSENTS = "DELETE FROM consent_grant WHERE expires_at < $1"
            + " AND pg_try_advisory_xact_lock(" + LOCK + ")";

    @Inject
    Pool db;

    @Inject
    Clock clock;

    @ConfigProperty(name = "shikaku.medication.retention", defaultValue = "P3Y")
    Period retention;

    @ConfigProperty(name = "shikaku.medication.purge.chunk-size", defaultValue = "10000")
    int chunkSize;

    @Scheduled(every = "${shikaku.medication.purge.every:6h}", delayed = "${shikaku.medication.purge.delayed:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> onTimer() {
        return purge().onFailure().recoverWithItem(failure -> {
            LOG.warnf("Medication retention will retry on its timer: %s", failure.getClass().getName());
            return 0L;
        }).replaceWithVoid();
    }

    /** Purges everything past retention now; how many dispensings it deleted. */
    public Uni<Long> purge() {
        LocalDate today = LocalDate.now(clock.withZone(CalendarDates.JAPAN));
        LocalDate keptFrom = RetentionRule.keptFrom(today, retention);
        Instant batchesFrom = keptFrom.atStartOfDay(CalendarDates.JAPAN).toInstant();
        return dispensings(keptFrom, 0L)
                .call(() -> db.preparedQuery(BATCHES).execute(Tuple.of(batchesFrom.atOffset(ZoneOffset.UTC))))
                .call(() -> db.preparedQuery(CONSENTS).execute(Tuple.of(Instant.now(clock).minus(Duration.ofDays(1))
                        .atOffset(ZoneOffset.UTC))))
                .invoke(deleted -> {
                    if (deleted > 0) {
                        LOG.infof("Purged %d dispensings dispensed before %s", deleted, keptFrom);
                    }
                });
    }

    private Uni<Long> dispensings(LocalDate keptFrom, long sofar) {
        return db.preparedQuery(DISPENSINGS).execute(Tuple.of(keptFrom, chunkSize)).chain(rows -> {
            long total = sofar + rows.rowCount();
            return rows.rowCount() < chunkSize ? Uni.createFrom().item(total) : dispensings(keptFrom, total);
        });
    }
}
