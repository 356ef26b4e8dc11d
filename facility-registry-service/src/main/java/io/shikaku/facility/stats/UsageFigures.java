package io.shikaku.facility.stats;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Eligibility checks of one facility type (or all) in a period, by method, with the facilities live at the cut-off
 * and the checks per live facility per day (DOMAIN.md §10's usage table).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UsageFigures(String type, long myNumberCard, long insuranceCard, long bulk, long total,
        long liveFacilities, BigDecimal perFacilityPerDay, long medicationViews, long checkupViews) {

    static UsageFigures of(String type, UsageCounts c, long days) {
        long total = c.myNumberCard() + c.insuranceCard() + c.bulk();
        return new UsageFigures(type, c.myNumberCard(), c.insuranceCard(), c.bulk(), total, c.liveFacilities(),
                Rates.perFacilityPerDay(total, c.liveFacilities(), days), c.medicationViews(), c.checkupViews());
    }
}
