package io.shikaku.common.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Deletes published events once they were kept long enough for inspection, so that the outbox stays small. */
@ApplicationScoped
public class OutboxPurge {

    private static final Logger LOG = Logger.getLogger(OutboxPurge.class);

    @Inject
    OutboxConfig config;

    @Inject
    Pool db;

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        if (!config.relay().enabled()) {
            return Uni.createFrom().voidItem();
        }
        return deletePublishedBefore(Instant.now().minus(config.keepPublished()))
                .onFailure().invoke(e -> LOG.warnf("Outbox purge will retry: %s", e.getClass().getName()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Deletes events published before {@code instant}; the number deleted. */
    public Uni<Integer> deletePublishedBefore(Instant instant) {
        return db.preparedQuery("DELETE FROM outbox WHERE published_at < $1")
                .execute(Tuple.of(OffsetDateTime.ofInstant(instant, ZoneOffset.UTC)))
                .map(rows -> rows.rowCount());
    }
}
