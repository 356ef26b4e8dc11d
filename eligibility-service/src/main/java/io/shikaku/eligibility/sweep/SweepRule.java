package io.shikaku.eligibility.sweep;

import java.time.Duration;
import java.time.Instant;

import io.shikaku.contract.DomainRule;

/**
 * Whether a check by card numbers is part of a sweep (issue 13, item 4): the birth date is the only secret beside the
 * numbers, so one facility trying many birth dates for the same numbers would learn a patient's name and sex. A window
 * starts at a NOT_FOUND and lasts {@code window}; once {@code threshold} NOT_FOUND answers fell in it, every further
 * check of those numbers from that facility is refused until it ends. A patient whose birth date was mistyped once or
 * twice, then checked right, is never refused.
 */
@DomainRule
public final class SweepRule {

    private SweepRule() {
    }

    /**
     * What to do with a check, given the facility's latest window for its numbers ({@code null}: none): refuse it, or
     * let it through and count a NOT_FOUND answer in the window starting at {@link Verdict#windowStart()}.
     */
    public static Verdict judge(Streak latest, int threshold, Duration window, Instant now) {
        if (latest == null || !now.isBefore(latest.since().plus(window))) {
            return new Verdict(false, now, 0);
        }
        if (latest.attempts() < threshold) {
            return new Verdict(false, latest.since(), 0);
        }
        long millis = Duration.between(now, latest.since().plus(window)).toMillis();
        return new Verdict(true, latest.since(), Math.max(1, (millis + 999) / 1000));
    }

    /**
     * A refusal with the whole seconds until the window ends ({@code retryAfterSeconds}), or a check let through whose
     * NOT_FOUND would count in the window starting at {@code windowStart} (a new one starts now).
     */
    public record Verdict(boolean refused, Instant windowStart, long retryAfterSeconds) {
    }
}
