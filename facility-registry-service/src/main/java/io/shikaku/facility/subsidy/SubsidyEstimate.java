package io.shikaku.facility.subsidy;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.shikaku.facility.master.FacilityType;

/**
 * A subsidy estimate: the rule in force on {@code asOf} and every amount (DOMAIN.md §9). {@code readerSubsidy} is the
 * most paid towards the card readers (0 while they are distributed free: {@code readersFree}); {@code setUpSubsidy} =
 * min(min(projectCost, costCap) × rate, ceiling), rounded down; {@code total} their sum.
 */
public record SubsidyEstimate(String facilityCode, FacilityType type, LocalDate asOf, Rule rule,
        SubsidyCategory category, int readers, boolean readersFree, long readerSubsidy, long projectCost,
        long costCap, long eligibleCost, int rateNumerator, int rateDenominator, long ceiling, long setUpSubsidy,
        long total) {

    /** The rule set in force. */
    @Schema(name = "SubsidyRuleInForce")
    public record Rule(String id, String name, LocalDate validFrom, LocalDate validUntil) {
    }

    public static SubsidyEstimate of(String facilityCode, FacilityType type, LocalDate asOf, SubsidyRule rule,
            long projectCost) {
        SubsidyArithmetic.Amounts amounts = SubsidyArithmetic.amounts(rule, projectCost);
        return new SubsidyEstimate(facilityCode, type, asOf,
                new Rule(rule.ruleSet(), rule.name(), rule.validFrom(), rule.validUntil()), rule.category(),
                rule.readers(), rule.readersFree(), amounts.readerAmount(), projectCost, rule.costCap(),
                amounts.eligibleCost(), rule.rateNumerator(), rule.rateDenominator(), rule.ceiling(),
                amounts.setUpSubsidy(), amounts.total());
    }
}
