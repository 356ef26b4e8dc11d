package io.shikaku.medication.retention;

import java.time.LocalDate;
import java.time.Period;

import io.shikaku.contract.DomainRule;

/**
 * Medication is kept 3 years (DOMAIN.md §6, §11): a dispensing is kept while its dispensing day is no more than three
 * years before today (Japan's calendar), so one dispensed on 2023-11-22 is kept through 2026-11-22 and purged from
 * 2026-11-23.
 */
@DomainRule
public final class RetentionRule {

    public static final Period KEPT = Period.ofYears(3);

    private RetentionRule() {
    }

    /** The earliest dispensing day still kept on {@code today}. */
    public static LocalDate keptFrom(LocalDate today, Period kept) {
        return today.minus(kept);
    }
}
