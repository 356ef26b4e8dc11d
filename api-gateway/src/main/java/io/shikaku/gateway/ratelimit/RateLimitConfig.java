package io.shikaku.gateway.ratelimit;

import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The gateway's rate limits ({@code shikaku.gateway.rate-limit.*}); application.properties names the environment variables. */
@ConfigMapping(prefix = "shikaku.gateway.rate-limit")
public interface RateLimitConfig {

    /** Whether requests are limited at all (a capacity benchmark turns it off). */
    @WithDefault("true")
    boolean enabled();

    /** Most callers' buckets kept at once; the least recently used beyond it are forgotten (and start full again). */
    @WithDefault("100000")
    int maxBuckets();

    /** The limit of each route group, by the group's name ({@code checks}, {@code bulk}, …). */
    Map<String, GroupLimit> groups();

    /** One group's budget per caller: a burst of {@code capacity} requests, refilled at {@code refillPerSecond}. */
    interface GroupLimit {
        long capacity();

        long refillPerSecond();
    }
}
