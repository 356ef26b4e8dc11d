package io.shikaku.common.identifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdentifierTest {

    @Test
    void checkDigitOfTheDomainExamples() {
        assertEquals(5, CheckDigit.of("3312001"));
        assertEquals(9, CheckDigit.of("011011371"));
    }

    @Test
    void insurerNumbersOfEightAndSixDigits() {
        assertTrue(InsurerNumber.isValid("33120015"));
        assertTrue(InsurerNumber.isValid("06130017"));
        assertTrue(InsurerNumber.isValid("138008"));
        assertFalse(InsurerNumber.isValid("33120016"), "wrong check digit");
        assertFalse(InsurerNumber.isValid("3312001"), "seven digits");
        assertFalse(InsurerNumber.isValid("3312001５"), "full-width digit");
        assertFalse(InsurerNumber.isValid(null));
    }

    @Test
    void facilityCodes() {
        assertTrue(FacilityCode.isValid("0110113719"));
        assertTrue(FacilityCode.isValid("1340123452"));
        assertFalse(FacilityCode.isValid("0110113718"), "wrong check digit");
        assertFalse(FacilityCode.isValid("4810113719"), "no prefecture 48");
        assertFalse(FacilityCode.isValid("0120113710"), "kind 2 does not exist");
    }
}
