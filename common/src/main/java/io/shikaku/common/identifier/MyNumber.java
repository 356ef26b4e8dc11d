package io.shikaku.common.identifier;

/** My Number (個人番号): 12 digits, the last a modulus-11 check digit. Never log or return one. */
public final class MyNumber {

    private static final int[] WEIGHTS = {6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    private MyNumber() {
    }

    public static boolean isValid(String value) {
        if (!CheckDigit.isAsciiDigits(value, 12)) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 11; i++) {
            sum += (value.charAt(i) - '0') * WEIGHTS[i];
        }
        int remainder = sum % 11;
        int check = remainder <= 1 ? 0 : 11 - remainder;
        return check == value.charAt(11) - '0';
    }
}
