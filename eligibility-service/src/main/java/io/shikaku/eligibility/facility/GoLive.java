package io.shikaku.eligibility.facility;

import java.time.LocalDate;

import io.shikaku.contract.DomainRule;

/**
 * A facility is live from its registered go-live date on (DOMAIN.md §9: "live from its registered go-live date …
 * nothing else is needed to start"); one without a go-live date, or unknown, is not live on any day.
 */
@DomainRule
public final class GoLive {

    private GoLive() {
    }

    /** Whether a facility whose go-live date is {@code goLiveOn} (null: none registered) may check on {@code day}. */
    public static boolean isLiveOn(LocalDate goLiveOn, LocalDate day) {
        return goLiveOn != null && !goLiveOn.isAfter(day);
    }
}
