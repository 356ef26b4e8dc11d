package io.shikaku.eligibility.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.shikaku.contract.ErrorCode;
import io.shikaku.eligibility.card.CardAcceptance.CardState;

/** The card refusal order, the last valid day and the three-month note (DOMAIN.md §3, §4), at their boundaries. */
class CardAcceptanceTest {

    private static final LocalDate VISIT = LocalDate.of(2026, 11, 21);

    @Test
    void anUnknownCardIsCardUnknown() {
        assertEquals(Optional.of(ErrorCode.CARD_UNKNOWN), CardAcceptance.refusal(null, VISIT));
    }

    @Test
    void aRegisteredCardValidOnTheVisitDateIsAcceptedUpToItsLastDay() {
        assertEquals(Optional.empty(), CardAcceptance.refusal(new CardState(false, false, VISIT), VISIT));
        assertEquals(Optional.empty(),
                CardAcceptance.refusal(new CardState(false, false, VISIT.plusYears(5)), VISIT));
    }

    @Test
    void aCardIsExpiredFromTheDayAfterItsLastValidDay() {
        assertEquals(Optional.of(ErrorCode.CARD_EXPIRED),
                CardAcceptance.refusal(new CardState(false, false, VISIT.minusDays(1)), VISIT));
    }

    @Test
    void revokedComesBeforeExpiredAndExpiredBeforeWithdrawn() {
        assertEquals(Optional.of(ErrorCode.CARD_REVOKED),
                CardAcceptance.refusal(new CardState(true, true, VISIT.minusDays(1)), VISIT));
        assertEquals(Optional.of(ErrorCode.CARD_EXPIRED),
                CardAcceptance.refusal(new CardState(false, true, VISIT.minusDays(1)), VISIT));
        assertEquals(Optional.of(ErrorCode.CARD_NOT_REGISTERED),
                CardAcceptance.refusal(new CardState(false, true, VISIT), VISIT));
    }

    @Test
    void aCardExpiresSoonWhenItsLastDayIsOnOrBeforeThreeMonthsAfterTheVisit() {
        assertTrue(CardAcceptance.expiresSoon(VISIT, VISIT));
        assertTrue(CardAcceptance.expiresSoon(LocalDate.of(2027, 2, 21), VISIT));
        assertFalse(CardAcceptance.expiresSoon(LocalDate.of(2027, 2, 22), VISIT));
    }

    @Test
    void threeMonthsAfterTheEndOfALongMonthIsTheEndOfAShortOne() {
        LocalDate visit = LocalDate.of(2026, 11, 30);
        assertTrue(CardAcceptance.expiresSoon(LocalDate.of(2027, 2, 28), visit));
        assertFalse(CardAcceptance.expiresSoon(LocalDate.of(2027, 3, 1), visit));
    }

    @Test
    void aSerialIsEightToFortyUpperCaseHexDigits() {
        assertTrue(CardSerial.isValid("0123ABCD"));
        assertTrue(CardSerial.isValid("F".repeat(40)));
        assertFalse(CardSerial.isValid("0123ABC"));
        assertFalse(CardSerial.isValid("F".repeat(41)));
        assertFalse(CardSerial.isValid("0123abcd"));
        assertFalse(CardSerial.isValid("0123ABCG"));
        assertFalse(CardSerial.isValid(null));
    }
}
