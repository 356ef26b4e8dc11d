package io.shikaku.checkup.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Purges what the 5-year retention no longer allows (DOMAIN.md §11, {@link RetentionRule}): checkups examined before
 * the first kept day, and batches (with their line reports) accepted before the first kept instant, in deletes of at
 * most {@code shikaku.checkups.retention.delete-chunk} rows, each its own transaction, so that no purge holds locks
 * long. Runs on a timer, at the injected clock's now (tests move it forward).
 */
@ApplicationScoped
public class CheckupRetention {

    private static final Logger LOG = Logger.getLogger(CheckupRetention.class);

    private static final String PURGE_CHECKUPS = "DELETE FROM checkup WHERE id IN (SELECT id FROM checkup"
            + " WHERE examined_on < $1 LIMIT $2)";
    private static final String PURGE_BATCHES = "DELETE FROM checkup_batch WHERE id IN (SELECT id FROM checkup_batch"
            + " WHERE accepted_at < $1 LIMIT $2)";

    /** Projected consents are kept a day past their expiry (a view in flight may still read one), then purged. */
    private static final String PURGE_CONSENTS = "DELETE FROM consent_grant WHERE consent_id IN (SELECT consent_id"
            + " FROM consent_grant WHERE expires_at < $1 LIMIT $2)";

    /** What one run purged. */
    public record Report(long checkups, long batches, long consents) {
    }

    @Inject
    Pool db;

    @Inject
    Clock clock;

    @ConfigProperty(name = "shikaku.checkups.retention.delete-chunk", defaultValue = "10000")
    int chunk;

    @Scheduled(every = "${shikaku.checkups.retention.every:6h}", delayed = "${shikaku.checkups.retention.delayed:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> onTimer() {
        return run().invoke(report -> {
            if (report.checkups() > 0 || report.batches() > 0 || report.consents() > 0) {
                LOG.infof("Checkup retention purged %d checkups, %d batches and %d expired consents",
                        report.checkups(), report.batches(), report.consents());
            }
        }).onFailure().invoke(failure -> LOG.warnf("Checkup retention will retry: %s", failure.getClass().getName()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** One run at the clock's now. */
    public Uni<Report> run() {
        Instant now = clock.instant();
        LocalDate firstKept = RetentionRule.firstKeptExamination(now);
        OffsetDateTime firstKeptBatch = RetentionRule.firstKeptBatch(now).atOffset(ZoneOffset.UTC);
        OffsetDateTime expiredBefore = now.minus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC);
        return purge(PURGE_CHECKUPS, Tuple.of(firstKept, chunk), 0)
                .chain(checkups -> purge(PURGE_BATCHES, Tuple.of(firstKeptBatch, chunk), 0)
                        .chain(batches -> purge(PURGE_CONSENTS, Tuple.of(expiredBefore, chunk), 0)
                                .map(consents -> new Report(checkups, batches, consents))));
    }

    private Uni<Long> purge(String sql, Tuple parameters, long sofar) {
        return db.withTransaction(tx -> tx.preparedQuery(sql).execute(parameters))
                .chain(rows -> rows.rowCount() < chunk
                        ? Uni.createFrom().item(sofar + rows.rowCount())
                        : purge(sql, parameters, sofar + rows.rowCount()));
    }
}
