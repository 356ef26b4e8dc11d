package io.shikaku.common.identifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class MyNumberTest {

    @Test
    void theCheckDigitOfWorkedExamples() {
        // 1·6 + 2·5 + 3·4 + 4·3 + 5·2 + 6·7 + 7·6 + 8·5 + 9·4 + 0·3 + 1·2 = 212; 212 mod 11 = 3; 11 − 3 = 8
        assertEquals(8, MyNumber.checkDigit("12345678901"));
        // sum 0: r = 0 → 0
        assertEquals(0, MyNumber.checkDigit("00000000000"));
        // 2·6 = 12: r = 1 → 0
        assertEquals(0, MyNumber.checkDigit("20000000000"));
        // 2·5 = 10: r = 10 → 1
        assertEquals(1, MyNumber.checkDigit("02000000000"));
        // 1·2 = 2: r = 2 → 9
        assertEquals(9, MyNumber.checkDigit("00000000001"));
    }

    @Test
    void aNumberEndingInItsCheckDigitIsValid() {
        assertTrue(MyNumber.isValid("123456789018"));
        assertTrue(MyNumber.isValid("000000000000"));
        assertTrue(MyNumber.isValid("200000000000"));
        assertTrue(MyNumber.isValid("020000000001"));
    }

    @Test
    void aValidNumberWithAnyOtherLastDigitIsInvalid() {
        Random random = new Random(7);
        for (int n = 0; n < 2_000; n++) {
            StringBuilder first = new StringBuilder();
            for (int i = 0; i < 11; i++) {
                first.append((char) ('0' + random.nextInt(10)));
            }
            int check = MyNumber.checkDigit(first.toString());
            assertTrue(MyNumber.isValid(first.toString() + check));
            for (int other = 0; other < 10; other++) {
                if (other != check) {
                    assertFalse(MyNumber.isValid(first.toString() + other), first + " with " + other);
                }
            }
        }
    }

    @Test
    void anythingButTwelveAsciiDigitsIsInvalid() {
        assertFalse(MyNumber.isValid(null));
        assertFalse(MyNumber.isValid(""));
        assertFalse(MyNumber.isValid("12345678901"), "eleven digits");
        assertFalse(MyNumber.isValid("1234567890180"), "thirteen digits");
        assertFalse(MyNumber.isValid("12345678901８"), "full-width digit");
        assertFalse(MyNumber.isValid("1234 5678 9018"), "spaces");
    }

    @Test
    void theConstraintAcceptsValidNumbersAndLeavesNullToNotNull() {
        ValidMyNumber.Validator validator = new ValidMyNumber.Validator();
        assertTrue(validator.isValid("123456789018", null));
        assertTrue(validator.isValid(null, null));
        assertFalse(validator.isValid("123456789017", null));
    }
}
