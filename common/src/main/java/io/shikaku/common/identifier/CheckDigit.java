package io.shikaku.common.identifier;

import io.shikaku.contract.DomainRule;

/**
 * The modulus-10 check digit shared by insurer numbers and facility codes (DOMAIN.md §3): weights 2, 1, 2, …
 * from the rightmost digit, the digits of each product summed, check = (10 − sum mod 10) mod 10.
 */
@DomainRule
public final class CheckDigit {

    private CheckDigit() {
    }

    /** The check digit for {@code digits}, which must hold ASCII digits only. */
    public static int of(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            int product = digit * (i % 2 == 0 ? 2 : 1);
            sum += product / 10 + product % 10;
        }
        return (10 - sum % 10) % 10;
    }

    /** Whether the last character of {@code number} is the check digit of the ones before it. */
    static boolean endsWithValidCheckDigit(String number) {
        int last = number.length() - 1;
        return of(number.substring(0, last)) == number.charAt(last) - '0';
    }

    static boolean isAsciiDigits(String value, int length) {
        if (value == null || value.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
