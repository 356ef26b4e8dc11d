package io.shikaku.bench;

/**
 * When each request of a constant arrival rate is meant to start, fixed before the first is sent: latency is measured
 * from these instants, so a request that leaves late (a stalled driver, a full connection pool) is not forgiven its
 * wait (no coordinated omission).
 */
public record OpenLoopSchedule(long startNanos, double perSecond) {

    public OpenLoopSchedule {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("the arrival rate must be positive");
        }
    }

    /** The intended start of request {@code i} (from 0), on {@link System#nanoTime()}'s scale. */
    public long intendedStart(long i) {
        return startNanos + Math.round(i * 1e9 / perSecond);
    }

    /** How many requests are meant to start within {@code nanos} of the schedule's start. */
    public long countWithin(long nanos) {
        return (long) Math.ceil(nanos * perSecond / 1e9);
    }
}
