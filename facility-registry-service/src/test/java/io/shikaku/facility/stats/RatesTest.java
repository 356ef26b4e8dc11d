package io.shikaku.facility.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class RatesTest {

    @Test
    void ratesAreTheReportsPercentagesRoundedHalfUpToOneDecimal() {
        assertEquals(new BigDecimal("77.7"), Rates.percent(6_391, 8_230));
        assertEquals(new BigDecimal("44.1"), Rates.percent(39_455, 89_425));
        assertEquals(new BigDecimal("48.7"), Rates.percent(34_481, 70_815));
        assertEquals(new BigDecimal("80.8"), Rates.percent(49_083, 60_732));
        assertEquals(new BigDecimal("56.5"), Rates.percent(129_410, 229_202));
        assertEquals(new BigDecimal("11.3"), Rates.percent(25_967, 229_202));
        assertEquals(new BigDecimal("7.6"), Rates.percent(17_394, 229_202));
    }

    @Test
    void aHalfRoundsUpAndNoFacilitiesIsZero() {
        assertEquals(new BigDecimal("12.5"), Rates.percent(1, 8));
        assertEquals(new BigDecimal("0.1"), Rates.percent(1, 2_000));
        assertEquals(new BigDecimal("0.0"), Rates.percent(1, 2_001));
        assertEquals(new BigDecimal("0.0"), Rates.percent(0, 0));
    }

    @Test
    void usePerLiveFacilityPerDayIsTheReportsFigure() {
        assertEquals(new BigDecimal("98.3"), Rates.perFacilityPerDay(3_676_590, 1_336, 28));
        assertEquals(new BigDecimal("26.1"), Rates.perFacilityPerDay(3_268_858, 4_478, 28));
        assertEquals(new BigDecimal("11.3"), Rates.perFacilityPerDay(1_213_556, 3_837, 28));
        assertEquals(new BigDecimal("36.3"), Rates.perFacilityPerDay(6_109_119, 6_006, 28));
        assertEquals(new BigDecimal("32.5"), Rates.perFacilityPerDay(14_268_123, 15_657, 28));
        assertEquals(new BigDecimal("0.0"), Rates.perFacilityPerDay(10, 0, 28));
    }

    @Test
    void aBandHoldsItsLowerEdgeSoNinetyPointZeroIsInTheTopBand() {
        List<RateBands.Band> bands = RateBands.of(List.of(new BigDecimal("90.0"), new BigDecimal("89.9"),
                new BigDecimal("80.0"), new BigDecimal("100.0"), new BigDecimal("0.0"), new BigDecimal("9.9")));
        assertEquals(new RateBands.Band(90, null, 2), bands.get(0));
        assertEquals(new RateBands.Band(80, 90, 2), bands.get(1));
        assertEquals(new RateBands.Band(0, 10, 2), bands.get(9));
        assertEquals(10, bands.size());
        assertEquals(6, bands.stream().mapToInt(RateBands.Band::prefectures).sum());
    }
}
