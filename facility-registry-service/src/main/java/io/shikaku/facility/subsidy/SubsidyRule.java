package io.shikaku.facility.subsidy;

import java.time.LocalDate;

/** One row of a dated subsidy rule set (table {@code subsidy_rule}); amounts in yen including tax. */
public record SubsidyRule(String ruleSet, String name, LocalDate validFrom, LocalDate validUntil,
        SubsidyCategory category, int readers, long readerAmount, boolean readersFree, long costCap,
        int rateNumerator, int rateDenominator, long ceiling) {
}
