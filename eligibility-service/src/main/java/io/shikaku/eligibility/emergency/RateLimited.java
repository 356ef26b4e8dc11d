package io.shikaku.eligibility.emergency;

/** A staff member made too many lookups in the window: {@code 429 RATE_LIMITED} with {@code Retry-After}. */
public class RateLimited extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public RateLimited(long retryAfterSeconds) {
        super("rate limited", null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
