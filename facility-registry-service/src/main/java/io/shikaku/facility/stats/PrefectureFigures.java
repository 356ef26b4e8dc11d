package io.shikaku.facility.stats;

import java.math.BigDecimal;

/** Adoption in one prefecture (of one type, or of all) as of a date (DOMAIN.md §10). */
public record PrefectureFigures(String prefecture, long facilities, long readerApplied, BigDecimal readerAppliedRate,
        long ready, BigDecimal readyRate, long live, BigDecimal liveRate) {

    static PrefectureFigures of(String prefecture, Counts c) {
        return new PrefectureFigures(prefecture, c.facilities(), c.readerApplied(),
                Rates.percent(c.readerApplied(), c.facilities()), c.ready(), Rates.percent(c.ready(), c.facilities()),
                c.live(), Rates.percent(c.live(), c.facilities()));
    }
}
