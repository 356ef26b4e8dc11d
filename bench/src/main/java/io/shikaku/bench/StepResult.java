package io.shikaku.bench;

import java.util.Map;

/**
 * One measured window of checks at a constant arrival rate: latencies from each request's intended start, what went
 * wrong, what was achieved, and the CPU each component spent meanwhile.
 */
public record StepResult(String target, int offeredPerSecond, long requests, long errors,
        Map<String, Long> errorsByKind, double achievedPerSecond, double p50Ms, double p99Ms, double p999Ms,
        double maxMs, Map<String, Double> cpuMsPerCheck, long answeredOkWithWarmUp) {

    /** Whether this step meets the bar: p99 at most {@code p99LimitMs} and not a single error. */
    public boolean meets(double p99LimitMs) {
        return errors == 0 && requests > 0 && p99Ms <= p99LimitMs;
    }
}
