package io.shikaku.common.inbox;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.shikaku.common.db.ChunkedDelete;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Forgets the inbox's claims once Kafka can no longer deliver their events again, so that the table stays the size of
 * a few days of events instead of growing by every event ever handled (the registry alone claims one row per check).
 * A claim must outlive every copy of its event: topics keep records 7 days and roll segments daily
 * (k8s/base/kafka/topics.yaml), so a record is gone 8 days after it was written, and claims are kept
 * {@code shikaku.inbox.keep} (9 days). Deleted in chunks ({@link ChunkedDelete}) every {@code shikaku.inbox.purge-every}.
 */
@ApplicationScoped
public class InboxPurge {

    private static final Logger LOG = Logger.getLogger(InboxPurge.class);

    @Inject
    Pool pool;

    @ConfigProperty(name = "shikaku.inbox.keep", defaultValue = "P9D")
    Duration keep;

    @ConfigProperty(name = "shikaku.inbox.purge-chunk", defaultValue = "10000")
    int chunk;

    @ConfigProperty(name = "shikaku.inbox.purge-max-chunks", defaultValue = "500")
    int maxChunks;

    @Scheduled(every = "${shikaku.inbox.purge-every:10m}", delayed = "2m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return forgetClaimedBefore(Instant.now().minus(keep))
                .invoke(deleted -> LOG.debugf("Inbox purge deleted %d claims", deleted))
                .onFailure().invoke(e -> LOG.warnf("Inbox purge will retry: %s", e.getClass().getName()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Deletes the claims made before {@code instant}; how many. */
    public Uni<Long> forgetClaimedBefore(Instant instant) {
        return new ChunkedDelete("inbox", "processed_at", chunk, maxChunks).before(pool, instant);
    }
}
