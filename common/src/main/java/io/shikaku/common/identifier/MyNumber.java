package io.shikaku.common.identifier;

import io.shikaku.contract.DomainRule;

/**
 * My Number (個人番号, DOMAIN.md §3): 12 ASCII digits, the last a check digit over the first eleven with weights
 * 6,5,4,3,2,7,6,5,4,3,2 from the left; r = weighted sum mod 11; check = 0 if r ≤ 1, else 11 − r.
 */
@DomainRule
public final class MyNumber {

    private static final int[] WEIGHTS = {6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    private MyNumber() {
    }

    /** The check digit for the first eleven digits, which must be ASCII digits. */
    public static int checkDigit(String elevenDigits) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (elevenDigits.charAt(i) - '0') * WEIGHTS[i];
        }
        int r = sum % 11;
        return r <= 1 ? 0 : 11 - r;
    }

    public static boolean isValid(String value) {
        return CheckDigit.isAsciiDigits(value, 12) && checkDigit(value) == value.charAt(11) - '0';
    }
}
