package io.shikaku.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.bucket4j.TimeMeter;

class RateLimiterTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock implements TimeMeter {
        long nanos = 1_000_000_000L;

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }

        void advance(Duration duration) {
            nanos += duration.toNanos();
        }
    }

    private final ManualClock clock = new ManualClock();
    private final RateLimiter limiter = new RateLimiter(
            Map.of("checks", new Budget(5, 2), "audit", new Budget(2, 1)), 1000, clock);

    @Test
    void aCallerMaySendABurstOfTheCapacityThenIsRefusedWithTheSecondsUntilTheNextRequest() {
        for (int i = 0; i < 5; i++) {
            assertTrue(limiter.admit("checks", "clinic-a").admitted(), "request " + (i + 1));
        }
        Admission refused = limiter.admit("checks", "clinic-a");
        assertFalse(refused.admitted());
        // 2 per second: the next request is half a second away, rounded up to a whole second
        assertEquals(1, refused.retryAfterSeconds());
    }

    @Test
    void theBucketRefillsAtTheConfiguredRate() {
        for (int i = 0; i < 5; i++) {
            limiter.admit("checks", "clinic-a");
        }
        assertFalse(limiter.admit("checks", "clinic-a").admitted());
        clock.advance(Duration.ofMillis(1000));
        assertTrue(limiter.admit("checks", "clinic-a").admitted());
        assertTrue(limiter.admit("checks", "clinic-a").admitted());
        assertFalse(limiter.admit("checks", "clinic-a").admitted());
    }

    @Test
    void retryAfterIsTheBucketsEstimateRoundedUpToWholeSeconds() {
        RateLimiter slow = new RateLimiter(Map.of("bulk", new Budget(1, 1)), 10, clock);
        assertTrue(slow.admit("bulk", "clinic-a").admitted());
        clock.advance(Duration.ofMillis(100));
        assertEquals(1, slow.admit("bulk", "clinic-a").retryAfterSeconds());
    }

    @Test
    void callersAndGroupsHaveBudgetsOfTheirOwn() {
        for (int i = 0; i < 5; i++) {
            limiter.admit("checks", "clinic-a");
        }
        assertFalse(limiter.admit("checks", "clinic-a").admitted());
        assertTrue(limiter.admit("checks", "clinic-b").admitted(), "another client");
        assertTrue(limiter.admit("audit", "clinic-a").admitted(), "another group of the same client");
    }

    @Test
    void aGroupWithoutBudgetIsNotLimitedButCanBeToldApart() {
        assertFalse(limiter.limits("portal"));
        for (int i = 0; i < 50; i++) {
            assertTrue(limiter.admit("portal", "someone").admitted());
        }
        assertTrue(limiter.limits("checks"));
    }

    @Test
    void manyCallersCannotExhaustMemory() {
        RateLimiter bounded = new RateLimiter(Map.of("checks", new Budget(5, 2)), 100, clock);
        for (int i = 0; i < 10_000; i++) {
            bounded.admit("checks", "client-" + i);
        }
        assertTrue(bounded.bucketCount() <= 100, "kept " + bounded.bucketCount());
    }

    @Test
    void anIdleBucketIsForgottenOnlyOnceItWouldBeFullAgain() {
        RateLimiter slow = new RateLimiter(Map.of("bulk", new Budget(600, 1)), 10, clock);
        for (int i = 0; i < 600; i++) {
            slow.admit("bulk", "clinic-a");
        }
        clock.advance(Duration.ofMinutes(5));
        // half refilled (300), not forgotten and full (600)
        for (int i = 0; i < 300; i++) {
            assertTrue(slow.admit("bulk", "clinic-a").admitted());
        }
        assertFalse(slow.admit("bulk", "clinic-a").admitted());
    }

    @Test
    void aBudgetNeedsACapacityAndARefill() {
        assertThrows(IllegalArgumentException.class, () -> new Budget(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Budget(10, 0));
        assertEquals(Duration.ofSeconds(10), new Budget(100, 10).refillTime());
    }
}
