package io.shikaku.eligibility.sweep;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How sweeps are told apart from mistyped birth dates ({@code shikaku.sweep.*}; README "Sweeps"). */
@ConfigMapping(prefix = "shikaku.sweep")
public interface SweepSettings {

    /** NOT_FOUND answers for the same numbers from one facility within a window that make a sweep. */
    @WithDefault("5")
    int threshold();

    /** How long a window lasts from its first NOT_FOUND; a sweep's refusals end with it. */
    @WithDefault("PT24H")
    Duration window();

    /** HMAC-SHA256 key of the numbers' hash (at least 32 bytes); env {@code SHIKAKU_SWEEP_NUMBERS_KEY}. */
    String numbersKey();

    /** How often windows that never became sweeps are deleted once they have ended. */
    @WithDefault("1h")
    String cleanupEvery();
}
