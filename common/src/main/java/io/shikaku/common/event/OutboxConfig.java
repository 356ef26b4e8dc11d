package io.shikaku.common.event;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the outbox relay runs; only a service that produces events turns it on. */
@ConfigMapping(prefix = "shikaku.outbox")
public interface OutboxConfig {

    Relay relay();

    /** How long published events stay in the table (for inspection) before they are deleted. */
    @WithDefault("P7D")
    Duration keepPublished();

    /** Rows deleted by one statement of the purge. */
    @WithDefault("10000")
    int purgeChunk();

    /** Statements of one purge run; what is left waits for the next run. */
    @WithDefault("500")
    int purgeMaxChunks();

    /** The relay of this service. */
    interface Relay {

        /** Whether this service publishes its outbox; off where a service produces no events. */
        @WithDefault("false")
        boolean enabled();

        /** Events read, sent and marked published together. */
        @WithDefault("1000")
        int batchSize();
    }
}
