package io.shikaku.eligibility.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.LaunchMode;

class SweepRuleTest {

    private static final Duration DAY = Duration.ofHours(24);
    private static final Instant NOW = Instant.parse("2026-11-23T03:00:00Z");

    @Test
    void aFirstNotFoundStartsAWindowNow() {
        SweepRule.Verdict verdict = SweepRule.judge(null, 5, DAY, NOW);
        assertFalse(verdict.refused());
        assertEquals(NOW, verdict.windowStart());
    }

    @Test
    void aPatientWhoseBirthDateWasMistypedAFewTimesIsNotRefused() {
        Instant since = NOW.minus(Duration.ofMinutes(3));
        SweepRule.Verdict verdict = SweepRule.judge(new Streak(since, 4), 5, DAY, NOW);
        assertFalse(verdict.refused());
        assertEquals(since, verdict.windowStart(), "a NOT_FOUND now counts in the same window");
    }

    @Test
    void atTheThresholdChecksAreRefusedUntilTheWindowEnds() {
        Instant since = NOW.minus(Duration.ofHours(23)).minusMillis(500);
        SweepRule.Verdict verdict = SweepRule.judge(new Streak(since, 5), 5, DAY, NOW);
        assertTrue(verdict.refused());
        // 59 min 59.5 s left: rounded up to whole seconds
        assertEquals(3600, verdict.retryAfterSeconds());
    }

    @Test
    void anEndedWindowRefusesNothingAndANewOneStarts() {
        SweepRule.Verdict verdict = SweepRule.judge(new Streak(NOW.minus(DAY), 180), 5, DAY, NOW);
        assertFalse(verdict.refused());
        assertEquals(NOW, verdict.windowStart());
    }

    @Test
    void theLastMomentOfAWindowIsStillRefusedForAtLeastASecond() {
        SweepRule.Verdict verdict = SweepRule.judge(new Streak(NOW.minus(DAY).plusMillis(1), 5), 5, DAY, NOW);
        assertTrue(verdict.refused());
        assertEquals(1, verdict.retryAfterSeconds());
    }

    @Test
    void theNumbersHashIsKeyedAndTellsCardsApartButNotTheirSpelling() {
        NumbersHash hash = new NumbersHash(NumbersHash.DEVELOPMENT_KEY, LaunchMode.TEST);
        NumbersHash otherKey = new NumbersHash("another-key-of-at-least-thirty-two-bytes!", LaunchMode.TEST);
        byte[] card = hash.of("06130017", "1234", "5678", "01");
        assertEquals(32, card.length);
        assertTrue(Arrays.equals(card, hash.of("06130017", "1234", "5678", "01")));
        assertFalse(Arrays.equals(card, hash.of("06130017", "1234", "5678", "00")));
        assertFalse(Arrays.equals(card, hash.of("06130017", "12345", "678", "01")), "fields are delimited");
        assertFalse(Arrays.equals(card, otherKey.of("06130017", "1234", "5678", "01")));
    }
}
