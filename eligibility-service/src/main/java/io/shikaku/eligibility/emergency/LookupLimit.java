package io.shikaku.eligibility.emergency;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

import io.shikaku.contract.DomainRule;

/**
 * Lookups are limited per staff member so that one identity cannot sweep the population (issue 10): at most {@code
 * limit} attempts, successful or not, within any {@code window}; over it, the caller may come back when the oldest
 * attempt in the window has left it.
 */
@DomainRule
public final class LookupLimit {

    private LookupLimit() {
    }

    /**
     * Empty when one more attempt is allowed, given {@code attempts} in the window ending now (the oldest at {@code
     * oldest}); otherwise the whole seconds until the oldest leaves the window, at least 1.
     */
    public static OptionalLong retryAfterSeconds(long attempts, Instant oldest, int limit, Duration window,
            Instant now) {
        if (attempts < limit) {
            return OptionalLong.empty();
        }
        long millis = Duration.between(now, oldest.plus(window)).toMillis();
        return OptionalLong.of(Math.max(1, (millis + 999) / 1000));
    }
}
