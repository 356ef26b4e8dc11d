package io.shikaku.medication.drug;

import java.time.LocalDate;

import io.shikaku.contract.DomainRule;

/**
 * The duplicate-prescription rule (DOMAIN.md §6): a dispensing supplies its drug from the dispensing day for its days
 * supplied, through {@code dispensedOn + days - 1}; it is active on a planned start that falls in that period, so it
 * overlaps a new prescription of the same ingredient starting then. A supply finished the day before the start, or
 * dispensed only after it, does not overlap.
 */
@DomainRule
public final class SupplyOverlap {

    private SupplyOverlap() {
    }

    /** The last day the dispensing supplies. */
    public static LocalDate lastDay(LocalDate dispensedOn, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("days supplied must be at least 1");
        }
        return dispensedOn.plusDays(days - 1L);
    }

    /** Whether the dispensing still supplies its drug on {@code startOn}. */
    public static boolean overlaps(LocalDate dispensedOn, int days, LocalDate startOn) {
        return !startOn.isBefore(dispensedOn) && !startOn.isAfter(lastDay(dispensedOn, days));
    }
}
