package io.shikaku.eligibility.retention;

import java.time.Period;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long checks are kept and how far ahead their month partitions are made (README "Checks are kept as evidence"). */
@ConfigMapping(prefix = "shikaku.checks")
public interface CheckRetentionConfig {

    /**
     * How long a check is kept as evidence for the claim it justified: 5 years, as far back as an audit can order fees
     * refunded and as long as the medical record the claim rests on is kept (療養担当規則 §9).
     */
    @WithDefault("P5Y")
    Period retention();

    /** Months after the current one that always have a partition, so that checks never land in DEFAULT. */
    @WithDefault("3")
    int partitionsAhead();

    /** When the job runs (read by its {@code @Scheduled}; declared here so the prefix knows them). */
    Maintenance maintenance();

    /** The job's timer: a run every {@code every}, the first {@code delayed} after start. */
    interface Maintenance {

        @WithDefault("6h")
        String every();

        @WithDefault("10s")
        String delayed();
    }
}
