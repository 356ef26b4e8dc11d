package io.shikaku.gateway.ratelimit;

/** The answer to one request: let through, or refused until {@code retryAfterSeconds} (whole seconds, at least 1). */
public record Admission(boolean admitted, long retryAfterSeconds) {

    static final Admission ADMITTED = new Admission(true, 0);

    static Admission refusedFor(long nanosToWait) {
        return new Admission(false, Math.max(1, (nanosToWait + 999_999_999L) / 1_000_000_000L));
    }
}
