package io.shikaku.checkup.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;

import io.shikaku.common.json.CalendarDates;
import io.shikaku.contract.DomainRule;

/**
 * Checkups are kept 5 years (DOMAIN.md §7, §11): a checkup is kept while its examination date is on or after the same
 * calendar day 5 years before today in Japan, and a batch report while it was accepted less than 5 years ago.
 */
@DomainRule
public final class RetentionRule {

    public static final Period RETENTION = Period.ofYears(5);

    private RetentionRule() {
    }

    /** The earliest examination date still kept at {@code now}. */
    public static LocalDate firstKeptExamination(Instant now) {
        return oldestKept(LocalDate.ofInstant(now, CalendarDates.JAPAN));
    }

    /** The earliest examination date still kept on {@code today} (Japan's calendar). */
    public static LocalDate oldestKept(LocalDate today) {
        return today.minus(RETENTION);
    }

    /** Batches accepted before this instant are purged at {@code now}, with their reports. */
    public static Instant firstKeptBatch(Instant now) {
        return now.atZone(CalendarDates.JAPAN).minus(RETENTION).toInstant();
    }
}
