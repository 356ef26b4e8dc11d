package io.shikaku.common.identifier;

import io.shikaku.contract.DomainRule;

/** Insurer number (保険者番号): 8 digits, or 6 for National Health Insurance, the last a check digit. */
@DomainRule
public final class InsurerNumber {

    private InsurerNumber() {
    }

    public static boolean isValid(String value) {
        return (CheckDigit.isAsciiDigits(value, 8) || CheckDigit.isAsciiDigits(value, 6))
                && CheckDigit.endsWithValidCheckDigit(value);
    }
}
