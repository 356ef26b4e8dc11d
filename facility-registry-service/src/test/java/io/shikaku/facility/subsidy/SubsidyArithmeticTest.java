package io.shikaku.facility.subsidy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.shikaku.facility.master.FacilityType;

class SubsidyArithmeticTest {

    private static SubsidyRule rule(SubsidyCategory category, int readers, long readerAmount, long cap, int num,
            int den, long ceiling) {
        return new SubsidyRule("GUIDELINES_2020_03", "test", LocalDate.of(2020, 3, 4), null, category, readers,
                readerAmount, false, cap, num, den, ceiling);
    }

    /** Every row of DOMAIN.md §9's table, below, at and above its cost cap, and where the rate meets the ceiling. */
    @ParameterizedTest(name = "{0} with {1} reader(s), cost {7}: set-up subsidy {8}")
    @CsvSource({
            // category, readers, reader amount, cap, num, den, ceiling, cost, set-up subsidy
            "HOSPITAL, 1, 99000, 2101000, 1, 2, 1050000, 0, 0",
            "HOSPITAL, 1, 99000, 2101000, 1, 2, 1050000, 1999999, 999999",
            "HOSPITAL, 1, 99000, 2101000, 1, 2, 1050000, 2100000, 1050000",
            "HOSPITAL, 1, 99000, 2101000, 1, 2, 1050000, 2100001, 1050000",
            "HOSPITAL, 1, 99000, 2101000, 1, 2, 1050000, 2101000, 1050000",
            "HOSPITAL, 1, 99000, 2101000, 1, 2, 1050000, 9000000, 1050000",
            "HOSPITAL, 2, 198000, 2002000, 1, 2, 1001000, 2001999, 1000999",
            "HOSPITAL, 2, 198000, 2002000, 1, 2, 1001000, 2002000, 1001000",
            "HOSPITAL, 2, 198000, 2002000, 1, 2, 1001000, 2002001, 1001000",
            "HOSPITAL, 3, 297000, 1903000, 1, 2, 951000, 1901999, 950999",
            "HOSPITAL, 3, 297000, 1903000, 1, 2, 951000, 1902000, 951000",
            "HOSPITAL, 3, 297000, 1903000, 1, 2, 951000, 1903000, 951000",
            "HOSPITAL, 3, 297000, 1903000, 1, 2, 951000, 1903001, 951000",
            "LARGE_CHAIN_PHARMACY, 1, 99000, 429000, 1, 2, 214000, 427999, 213999",
            "LARGE_CHAIN_PHARMACY, 1, 99000, 429000, 1, 2, 214000, 428000, 214000",
            "LARGE_CHAIN_PHARMACY, 1, 99000, 429000, 1, 2, 214000, 429000, 214000",
            "LARGE_CHAIN_PHARMACY, 1, 99000, 429000, 1, 2, 214000, 429001, 214000",
            "OTHER, 1, 99000, 429000, 3, 4, 321000, 1, 0",
            "OTHER, 1, 99000, 429000, 3, 4, 321000, 427999, 320999",
            "OTHER, 1, 99000, 429000, 3, 4, 321000, 428000, 321000",
            "OTHER, 1, 99000, 429000, 3, 4, 321000, 429000, 321000",
            "OTHER, 1, 99000, 429000, 3, 4, 321000, 429001, 321000",
            "OTHER, 1, 0, 429000, 3, 4, 321000, 100001, 75000"})
    void theSetUpSubsidyIsTheRateOfTheCappedCostUpToTheCeilingRoundedDown(SubsidyCategory category, int readers,
            long readerAmount, long cap, int num, int den, long ceiling, long cost, long expected) {
        SubsidyArithmetic.Amounts amounts = SubsidyArithmetic.amounts(
                rule(category, readers, readerAmount, cap, num, den, ceiling), cost);
        assertEquals(expected, amounts.setUpSubsidy());
        assertEquals(Math.min(cost, cap), amounts.eligibleCost());
        assertEquals(readerAmount, amounts.readerAmount());
        assertEquals(readerAmount + expected, amounts.total());
    }

    @ParameterizedTest(name = "{0}, large chain {1}: {2}")
    @CsvSource({"HOSPITAL, false, HOSPITAL", "MEDICAL_CLINIC, false, OTHER", "DENTAL_CLINIC, false, OTHER",
            "PHARMACY, false, OTHER", "PHARMACY, true, LARGE_CHAIN_PHARMACY"})
    void theCategoryFollowsTheTypeAndOnlyAPharmacyIsALargeChain(FacilityType type, boolean largeChain,
            SubsidyCategory expected) {
        assertEquals(expected, SubsidyArithmetic.category(type, largeChain));
    }
}
