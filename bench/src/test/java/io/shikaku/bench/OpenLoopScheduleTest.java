package io.shikaku.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Intended starts are fixed by the rate alone, without drift, so late requests are charged from them. */
class OpenLoopScheduleTest {

    @Test
    void requestsAreSpacedEvenlyFromTheStartWhateverTheAnswersDo() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(1_000, 400);
        assertEquals(1_000, schedule.intendedStart(0));
        assertEquals(1_000 + 2_500_000, schedule.intendedStart(1));
        assertEquals(1_000 + 1_000_000_000L, schedule.intendedStart(400));
    }

    @Test
    void theIntendedStartDoesNotDriftOverALongRunAtARateThatDoesNotDivideASecond() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(0, 3_000);
        assertEquals(600_000_000_000L, schedule.intendedStart(1_800_000));
        assertEquals(333_333, schedule.intendedStart(1));
    }

    @Test
    void aWindowHoldsRateTimesItsLengthRequests() {
        assertEquals(2_000, new OpenLoopSchedule(0, 200).countWithin(10_000_000_000L));
        assertEquals(1, new OpenLoopSchedule(0, 200).countWithin(1));
    }

    @Test
    void aRateMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new OpenLoopSchedule(0, 0));
    }
}
