package io.shikaku.facility.stats;

import java.time.Instant;
import java.time.LocalDate;

import io.shikaku.common.json.CalendarDates;
import io.shikaku.contract.DomainRule;

/**
 * The day a check or a record view counts on in the usage statistics (DOMAIN.md §10): Japan's calendar day of the
 * moment it was made, not the visit date the clinic gave, which may be another day.
 */
@DomainRule
public final class UsageDay {

    private UsageDay() {
    }

    public static LocalDate of(Instant checkedAt) {
        return LocalDate.ofInstant(checkedAt, CalendarDates.JAPAN);
    }
}
