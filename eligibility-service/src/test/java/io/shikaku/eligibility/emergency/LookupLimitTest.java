package io.shikaku.eligibility.emergency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

/** The limit of lookups per staff member (issue 10), and when an over-limit caller may come back. */
class LookupLimitTest {

    private static final Instant NOW = Instant.parse("2026-11-21T03:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(10);

    @Test
    void belowTheLimitAnotherAttemptIsAllowed() {
        assertEquals(OptionalLong.empty(), LookupLimit.retryAfterSeconds(9, NOW.minusSeconds(30), 10, WINDOW, NOW));
        assertEquals(OptionalLong.empty(), LookupLimit.retryAfterSeconds(0, NOW, 10, WINDOW, NOW));
    }

    @Test
    void atTheLimitTheCallerWaitsUntilTheOldestAttemptLeavesTheWindow() {
        assertEquals(OptionalLong.of(570), LookupLimit.retryAfterSeconds(10, NOW.minusSeconds(30), 10, WINDOW, NOW));
        assertEquals(OptionalLong.of(1), LookupLimit.retryAfterSeconds(10, NOW.minus(WINDOW).plusMillis(200), 10,
                WINDOW, NOW));
        assertEquals(OptionalLong.of(600), LookupLimit.retryAfterSeconds(12, NOW, 10, WINDOW, NOW));
    }
}
