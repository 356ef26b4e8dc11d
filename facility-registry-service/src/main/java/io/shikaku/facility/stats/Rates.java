package io.shikaku.facility.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.shikaku.contract.DomainRule;

/**
 * The portal's rates (DOMAIN.md §10): a percentage of the type's facilities, rounded half-up to one decimal; and use
 * per live facility per day, rounded likewise. Nothing divides by zero: no facilities is a rate of 0.0.
 */
@DomainRule
public final class Rates {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Rates() {
    }

    /** {@code part} as a percentage of {@code whole}, half-up to 0.1; 0.0 when {@code whole} is 0. */
    public static BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    /** Uses per live facility per day: {@code uses} ÷ {@code facilities} ÷ {@code days}, half-up to 0.1. */
    public static BigDecimal perFacilityPerDay(long uses, long facilities, long days) {
        if (facilities == 0 || days == 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        return BigDecimal.valueOf(uses).divide(BigDecimal.valueOf(facilities * days), 1, RoundingMode.HALF_UP);
    }
}
