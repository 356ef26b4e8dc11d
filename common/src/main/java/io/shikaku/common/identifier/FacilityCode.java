package io.shikaku.common.identifier;

import io.shikaku.contract.DomainRule;

/**
 * Facility code (医療機関等コード): prefecture (01–47), fee-table kind (1 medical, 3 dental, 4 pharmacy),
 * district, number and a check digit over the first nine digits.
 */
@DomainRule
public final class FacilityCode {

    private FacilityCode() {
    }

    public static boolean isValid(String value) {
        if (!CheckDigit.isAsciiDigits(value, 10)) {
            return false;
        }
        int prefecture = Integer.parseInt(value.substring(0, 2));
        char kind = value.charAt(2);
        return prefecture >= 1 && prefecture <= 47
                && (kind == '1' || kind == '3' || kind == '4')
                && CheckDigit.endsWithValidCheckDigit(value);
    }
}
