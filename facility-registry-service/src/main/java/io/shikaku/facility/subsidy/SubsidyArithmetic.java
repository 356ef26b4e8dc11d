package io.shikaku.facility.subsidy;

import io.shikaku.contract.DomainRule;
import io.shikaku.facility.master.FacilityType;

/**
 * The subsidy arithmetic of 医療情報化支援基金 (DOMAIN.md §9): set-up subsidy = min(min(cost, cap) × rate, ceiling),
 * rounded down to the yen; the readers' amount comes from the rule in force, whatever its period.
 */
@DomainRule
public final class SubsidyArithmetic {

    private SubsidyArithmetic() {
    }

    /** The table row a facility falls in; only a pharmacy can be a large chain (≥ 40,000 prescriptions a month). */
    public static SubsidyCategory category(FacilityType type, boolean largeChain) {
        if (type == FacilityType.HOSPITAL) {
            return SubsidyCategory.HOSPITAL;
        }
        return type == FacilityType.PHARMACY && largeChain
                ? SubsidyCategory.LARGE_CHAIN_PHARMACY
                : SubsidyCategory.OTHER;
    }

    /** The amounts for a project costing {@code projectCost} yen under {@code rule}. */
    public static Amounts amounts(SubsidyRule rule, long projectCost) {
        if (projectCost < 0) {
            throw new IllegalArgumentException("A project cost is never negative");
        }
        long eligibleCost = Math.min(projectCost, rule.costCap());
        long byRate = eligibleCost * rule.rateNumerator() / rule.rateDenominator();
        long setUp = Math.min(byRate, rule.ceiling());
        return new Amounts(rule.readerAmount(), eligibleCost, setUp, rule.readerAmount() + setUp);
    }

    /**
     * What the rule pays: up to {@code readerAmount} towards the readers, {@code setUpSubsidy} of the other costs
     * ({@code eligibleCost} being the part of the cost the rate applies to), and at most {@code total} in all.
     */
    public record Amounts(long readerAmount, long eligibleCost, long setUpSubsidy, long total) {
    }
}
