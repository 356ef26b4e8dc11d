package io.shikaku.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * One token bucket (Bucket4j) per caller and route group, each group with its own {@link Budget}. Buckets live in a
 * bounded cache (Caffeine): at most {@code maxBuckets}, and one idle for longer than the slowest group's refill time is
 * dropped, since it would be full again by then anyway; so many callers cannot exhaust memory, and forgetting a bucket
 * never gives a caller more than waiting would have.
 */
public final class RateLimiter {

    private static final Duration MINIMUM_IDLE = Duration.ofMinutes(1);

    private final Map<String, Budget> budgets;
    private final TimeMeter clock;
    private final Cache<String, Bucket> buckets;

    public RateLimiter(Map<String, Budget> budgets, int maxBuckets) {
        this(budgets, maxBuckets, TimeMeter.SYSTEM_NANOTIME);
    }

    RateLimiter(Map<String, Budget> budgets, int maxBuckets, TimeMeter clock) {
        this.budgets = Map.copyOf(budgets);
        this.clock = clock;
        Duration idle = budgets.values().stream().map(Budget::refillTime).reduce(MINIMUM_IDLE,
                (a, b) -> a.compareTo(b) >= 0 ? a : b);
        this.buckets = Caffeine.newBuilder().maximumSize(maxBuckets).expireAfterAccess(idle)
                .ticker(clock::currentTimeNanos).build();
    }

    /** Whether {@code group} has a budget. */
    public boolean limits(String group) {
        return budgets.containsKey(group);
    }

    /** Takes one request from {@code caller}'s bucket of {@code group}; a group without a budget is not limited. */
    public Admission admit(String group, String caller) {
        Budget budget = budgets.get(group);
        if (budget == null) {
            return Admission.ADMITTED;
        }
        Bucket bucket = buckets.get(group + '\n' + caller, key -> bucket(budget));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Admission.ADMITTED : Admission.refusedFor(probe.getNanosToWaitForRefill());
    }

    /** How many callers' buckets are kept (for tests and metrics). */
    long bucketCount() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private Bucket bucket(Budget budget) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(budget.capacity())
                        .refillGreedy(budget.refillPerSecond(), Duration.ofSeconds(1)).build())
                .withCustomTimePrecision(clock)
                .build();
    }
}
