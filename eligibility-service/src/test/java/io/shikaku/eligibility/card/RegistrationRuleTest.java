package io.shikaku.eligibility.card;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.shikaku.eligibility.card.RegistrationRule.Known;
import io.shikaku.eligibility.card.RegistrationRule.Outcome;

/** What registering a known or unknown serial does (DOMAIN.md §3). */
class RegistrationRuleTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @Test
    void aSerialNeverSeenIsRegistered() {
        assertEquals(Outcome.NEW, RegistrationRule.decide(null, TODAY));
    }

    @Test
    void aCardInForceIsAlreadyRegisteredUpToItsLastDay() {
        assertEquals(Outcome.ALREADY_REGISTERED, RegistrationRule.decide(new Known(true, false, false, TODAY), TODAY));
    }

    @Test
    void theSameCardWithdrawnOrExpiredIsRegisteredAgain() {
        assertEquals(Outcome.REGISTER_AGAIN,
                RegistrationRule.decide(new Known(true, false, true, TODAY.plusYears(3)), TODAY));
        assertEquals(Outcome.REGISTER_AGAIN,
                RegistrationRule.decide(new Known(true, false, false, TODAY.minusDays(1)), TODAY));
    }

    @Test
    void aSerialRegisteredWithAnotherMyNumberIsTakenWhateverItsState() {
        assertEquals(Outcome.ALREADY_REGISTERED,
                RegistrationRule.decide(new Known(false, false, true, TODAY.minusDays(1)), TODAY));
    }

    @Test
    void aRevokedSerialIsNeverRegisteredAgain() {
        assertEquals(Outcome.REVOKED, RegistrationRule.decide(new Known(true, true, false, TODAY), TODAY));
        assertEquals(Outcome.REVOKED, RegistrationRule.decide(new Known(false, true, true, TODAY), TODAY));
    }
}
