package io.shikaku.eligibility.sweep;

/** A check refused as part of a sweep: {@code 429 RATE_LIMITED} with {@code Retry-After} (the window's end). */
public class SweepRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Refused checks and bulk entries, tagged {@code reason=SWEEP}: {@code shikaku_eligibility_checks_refused_total}. */
    public static final String COUNTER = "shikaku.eligibility.checks.refused";

    private final long retryAfterSeconds;

    public SweepRefused(long retryAfterSeconds) {
        super("sweep refused", null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
