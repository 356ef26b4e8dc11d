package io.shikaku.gateway.ratelimit;

import java.util.Map;
import java.util.TreeMap;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The gateway's rate limits as configured ({@link RateLimitConfig}), with the count of refused requests by group
 * ({@code shikaku_gateway_rate_limited_total{group}}; never a caller label).
 */
@Singleton
public class RateLimits {

    private static final Logger LOG = Logger.getLogger(RateLimits.class);

    private final boolean enabled;
    private final RateLimiter limiter;
    private final Map<String, Counter> refusals = new TreeMap<>();

    RateLimits(RateLimitConfig config, MeterRegistry metrics) {
        this.enabled = config.enabled();
        Map<String, Budget> budgets = new TreeMap<>();
        config.groups().forEach((group, limit) -> {
            budgets.put(group, new Budget(limit.capacity(), limit.refillPerSecond()));
            refusals.put(group, Counter.builder("shikaku.gateway.rate.limited")
                    .description("Requests refused with 429 RATE_LIMITED by the gateway, by route group")
                    .tag("group", group).register(metrics));
        });
        this.limiter = new RateLimiter(budgets, config.maxBuckets());
        if (enabled) {
            LOG.infof("Rate limits per caller (burst, per second): %s", budgets);
        } else {
            LOG.warn("Rate limits are off (shikaku.gateway.rate-limit.enabled=false)");
        }
    }

    /** Fails when {@code group} has no configured budget, so that a route group cannot be left unlimited by mistake. */
    public void requireBudget(String group) {
        if (!limiter.limits(group)) {
            throw new IllegalStateException("No rate limit for route group '" + group
                    + "': set shikaku.gateway.rate-limit.groups." + group + ".capacity and .refill-per-second");
        }
    }

    /** Takes one request of {@code caller} in {@code group}, counting a refusal. */
    public Admission admit(String group, String caller) {
        if (!enabled) {
            return Admission.ADMITTED;
        }
        Admission admission = limiter.admit(group, caller);
        if (!admission.admitted()) {
            refusals.get(group).increment();
        }
        return admission;
    }
}
