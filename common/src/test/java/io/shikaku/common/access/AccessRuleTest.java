package io.shikaku.common.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class AccessRuleTest {

    private static final Instant NOW = Instant.parse("2026-11-22T01:00:00Z");
    private static final Grant BOTH = new Grant(AccessBasis.CONSENT, true, true, NOW.plus(Duration.ofHours(1)));
    private static final Grant MEDICATION_ONLY = new Grant(AccessBasis.CONSENT, true, false,
            NOW.plus(Duration.ofHours(2)));

    @Test
    void aLiveGrantForTheKindAllowsTheView() {
        assertEquals(BOTH, AccessRule.allowing(false, List.of(BOTH), AccessKind.CHECKUP, NOW).orElseThrow());
    }

    @Test
    void aGrantForAnotherKindAllowsNothing() {
        assertTrue(AccessRule.allowing(false, List.of(MEDICATION_ONLY), AccessKind.CHECKUP, NOW).isEmpty());
    }

    @Test
    void aGrantIsGoneAtExactlyItsExpiry() {
        assertTrue(AccessRule.allowing(false, List.of(BOTH), AccessKind.MEDICATION, BOTH.expiresAt()).isEmpty());
        assertTrue(AccessRule.allowing(false, List.of(BOTH), AccessKind.MEDICATION,
                BOTH.expiresAt().minusNanos(1000)).isPresent());
    }

    @Test
    void aSuspendedPersonIsNeverShownWhateverTheGrants() {
        assertTrue(AccessRule.allowing(true, List.of(BOTH, MEDICATION_ONLY), AccessKind.MEDICATION, NOW).isEmpty());
    }

    @Test
    void ofSeveralGrantsTheLongestLastingIsTheBasis() {
        assertEquals(MEDICATION_ONLY,
                AccessRule.allowing(false, List.of(BOTH, MEDICATION_ONLY), AccessKind.MEDICATION, NOW).orElseThrow());
    }

    @Test
    void noGrantsAllowNothing() {
        assertTrue(AccessRule.allowing(false, List.of(), AccessKind.MEDICATION, NOW).isEmpty());
    }
}
