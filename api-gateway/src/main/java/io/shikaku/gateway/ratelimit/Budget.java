package io.shikaku.gateway.ratelimit;

import java.time.Duration;

/**
 * What one caller may send within one route group: a burst of {@code capacity} requests, and {@code refillPerSecond}
 * more each second, given back continuously (a token bucket).
 */
public record Budget(long capacity, long refillPerSecond) {

    public Budget {
        if (capacity < 1 || refillPerSecond < 1) {
            throw new IllegalArgumentException(
                    "A rate limit needs a capacity and a refill per second of at least 1: " + capacity + ", "
                            + refillPerSecond);
        }
    }

    /** How long an emptied bucket takes to be full again. */
    public Duration refillTime() {
        return Duration.ofMillis((capacity * 1000 + refillPerSecond - 1) / refillPerSecond);
    }
}
