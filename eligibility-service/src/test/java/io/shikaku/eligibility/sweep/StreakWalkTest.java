package io.shikaku.eligibility.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A chunk of bulk entries for one card's numbers, judged in entry order (README "Sweeps"). */
class StreakWalkTest {

    private static final Duration DAY = Duration.ofHours(24);
    private static final Instant NOW = Instant.parse("2026-11-23T03:00:00Z");
    private static final byte[] NUMBERS = {1, 2, 3};
    private static final byte[] OTHER_NUMBERS = {4, 5, 6};

    @Test
    void thirtyWrongBirthDatesThenTheRightOneAreFiveNotFoundAndTheRestRefused() {
        StreakWalk walk = new StreakWalk(null, 5, DAY, NOW);
        List<String> answers = walk(walk, "N".repeat(30) + "V");

        assertEquals("NNNNN" + "R".repeat(26), String.join("", answers), "the right birth date is refused too");
        assertEquals(List.of(new StreakWalk.Count(NOW, 5, 26)), walk.counts(), "one window, starting now");
    }

    @Test
    void aBirthDateMistypedTwiceThenRightIsAnswered() {
        StreakWalk walk = new StreakWalk(null, 5, DAY, NOW);
        assertEquals(List.of("N", "N", "V", "V"), walk(walk, "NNVV"));
        assertEquals(List.of(new StreakWalk.Count(NOW, 2, 0)), walk.counts());
    }

    @Test
    void validAnswersCountNothingAndWhatCountsIsOnlyNotFound() {
        StreakWalk walk = new StreakWalk(null, 5, DAY, NOW);
        assertEquals("VNVNVNVNVNRR", String.join("", walk(walk, "VNVNVNVNVNVN")));
        assertEquals(List.of(new StreakWalk.Count(NOW, 5, 2)), walk.counts());
    }

    @Test
    void countsMadeBeforeTheChunkAreContinuedInTheirWindow() {
        Instant since = NOW.minus(Duration.ofHours(2));
        StreakWalk walk = new StreakWalk(new Streak(since, 3), 5, DAY, NOW);
        assertEquals("NNRR", String.join("", walk(walk, "NNNV")));
        assertEquals(List.of(new StreakWalk.Count(since, 2, 2)), walk.counts());
    }

    @Test
    void numbersAlreadySweptAreRefusedUntilTheWindowEnds() {
        Instant since = NOW.minus(Duration.ofHours(23));
        StreakWalk walk = new StreakWalk(new Streak(since, 5), 5, DAY, NOW);
        SweepRule.Verdict verdict = walk.judge();
        assertTrue(verdict.refused());
        assertEquals(3600, verdict.retryAfterSeconds());
        assertEquals(since, verdict.windowStart());
        walk.judge();
        assertEquals(List.of(new StreakWalk.Count(since, 0, 2)), walk.counts(), "only refusals are counted");
    }

    @Test
    void afterAnEndedWindowANewOneStartsNow() {
        StreakWalk walk = new StreakWalk(new Streak(NOW.minus(DAY), 180), 5, DAY, NOW);
        assertEquals("NNNNNR", String.join("", walk(walk, "NNNNNN")));
        assertEquals(List.of(new StreakWalk.Count(NOW, 5, 1)), walk.counts(), "nothing in the ended window");
    }

    @Test
    void aNotFoundCountsOnlyForAnEntryJustLetThrough() {
        StreakWalk walk = new StreakWalk(null, 1, DAY, NOW);
        assertThrows(IllegalStateException.class, walk::notFound, "nothing judged yet");
        walk.judge();
        walk.notFound();
        assertThrows(IllegalStateException.class, walk::notFound, "counted already");
        assertTrue(walk.judge().refused());
        assertThrows(IllegalStateException.class, walk::notFound, "a refused entry is not answered");
        assertEquals(List.of(new StreakWalk.Count(NOW, 1, 1)), walk.counts());
    }

    @Test
    void aChunkWalksEachFacilityAndNumbersApartAndSharesTheWalkOfTheSameOnes() {
        StreakWalks walks = new StreakWalks(5, DAY, NOW);
        Instant since = NOW.minus(Duration.ofHours(1));
        StreakWalk first = walks.of("1310123458", NUMBERS, new Streak(since, 4));
        assertSame(first, walks.of("1310123458", NUMBERS.clone(), null), "the chunk's first entry's window counts");
        StreakWalk otherNumbers = walks.of("1310123458", OTHER_NUMBERS, null);
        StreakWalk otherFacility = walks.of("0110113719", NUMBERS, null);

        walk(first, "NN");
        walk(otherNumbers, "NN");
        walk(otherFacility, "V");

        assertEquals(List.of(new StreakWalks.WindowCount("1310123458", "010203", since, 1, 1),
                new StreakWalks.WindowCount("1310123458", "040506", NOW, 2, 0)), walks.counts(),
                "by facility, numbers and window; a walk that counted nothing writes nothing");
        assertEquals(NOW, walks.now());
    }

    /** Walks the entries {@code N} (a wrong birth date: NOT_FOUND) and {@code V} (VALID); R for each refused. */
    private static List<String> walk(StreakWalk walk, String entries) {
        List<String> answers = new ArrayList<>();
        for (char entry : entries.toCharArray()) {
            if (walk.judge().refused()) {
                answers.add("R");
                continue;
            }
            if (entry == 'N') {
                walk.notFound();
            }
            answers.add(String.valueOf(entry));
        }
        return answers;
    }
}
