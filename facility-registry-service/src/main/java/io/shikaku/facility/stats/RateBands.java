package io.shikaku.facility.stats;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.shikaku.contract.DomainRule;

/**
 * How many prefectures fall in each ten-point band of a rate, as the portal's report summarises them (DOMAIN.md §10):
 * 90 % or more, 80–90 %, …, 0–10 %. A band holds its lower edge and not its upper one, and the rate compared is the
 * published one (rounded half-up to 0.1), so that a prefecture shown at 90.0 % is counted in "90 % or more".
 */
@DomainRule
public final class RateBands {

    /** One band: rates from {@code fromRate} (inclusive) up to {@code toRate} (exclusive; none for the top band). */
    public record Band(int fromRate, Integer toRate, int prefectures) {
    }

    private RateBands() {
    }

    /** The ten bands, highest first, with the number of {@code rates} (already rounded) in each. */
    public static List<Band> of(List<BigDecimal> rates) {
        int[] counts = new int[10];
        for (BigDecimal rate : rates) {
            counts[bandIndex(rate)]++;
        }
        List<Band> bands = new ArrayList<>(10);
        for (int i = 9; i >= 0; i--) {
            bands.add(new Band(i * 10, i == 9 ? null : (i + 1) * 10, counts[i]));
        }
        return bands;
    }

    private static int bandIndex(BigDecimal rate) {
        int tens = rate.intValue() / 10;
        return Math.max(0, Math.min(9, tens));
    }
}
