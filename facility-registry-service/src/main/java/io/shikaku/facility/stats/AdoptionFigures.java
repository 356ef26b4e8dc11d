package io.shikaku.facility.stats;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Adoption of one facility type (or of all, without a type) as of a date: counts and rates (DOMAIN.md §10). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AdoptionFigures(String type, long facilities, long readerApplied, BigDecimal readerAppliedRate,
        long ready, BigDecimal readyRate, long live, BigDecimal liveRate) {

    static AdoptionFigures of(String type, Counts c) {
        return new AdoptionFigures(type, c.facilities(), c.readerApplied(), Rates.percent(c.readerApplied(),
                c.facilities()), c.ready(), Rates.percent(c.ready(), c.facilities()), c.live(),
                Rates.percent(c.live(), c.facilities()));
    }
}
