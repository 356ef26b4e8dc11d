package io.shikaku.common.event;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.shikaku.common.db.ChunkedDelete;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Deletes published events once they were kept long enough for inspection, so that the outbox stays small; in chunks
 * ({@link ChunkedDelete}), never the pending ones.
 */
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
    public Uni<Long> deletePublishedBefore(Instant instant) {
        return new ChunkedDelete("outbox", "published_at", config.purgeChunk(), config.purgeMaxChunks())
                .before(db, instant);
    }
}
