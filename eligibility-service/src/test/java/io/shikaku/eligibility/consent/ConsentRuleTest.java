package io.shikaku.eligibility.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** A consent's 24 hours and when none is recorded (DOMAIN.md §4, §5). */
class ConsentRuleTest {

    private static final Instant GRANTED = Instant.parse("2026-11-21T01:00:00Z");

    @Test
    void aConsentLastsTwentyFourHoursFromTheCheck() {
        assertEquals(Instant.parse("2026-11-22T01:00:00Z"), ConsentRule.expiresAt(GRANTED));
    }

    @Test
    void aConsentIsLiveUntilTheInstantItExpires() {
        Instant expires = ConsentRule.expiresAt(GRANTED);
        assertTrue(ConsentRule.isLive(expires, GRANTED));
        assertTrue(ConsentRule.isLive(expires, expires.minus(Duration.ofMillis(1))));
        assertFalse(ConsentRule.isLive(expires, expires));
    }

    @Test
    void aConsentIsRecordedWhenMedicationOrCheckupsAreConsentedTo() {
        assertTrue(ConsentRule.recorded(true, false, false));
        assertTrue(ConsentRule.recorded(false, true, false));
        assertFalse(ConsentRule.recorded(false, false, false));
    }

    @Test
    void noConsentIsRecordedWhileThePersonsViewingIsSuspended() {
        assertFalse(ConsentRule.recorded(true, true, true));
    }
}
