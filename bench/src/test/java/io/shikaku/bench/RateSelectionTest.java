package io.shikaku.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The headline is the highest step with p99 within the bar and no error; the ladder stops at the first miss. */
class RateSelectionTest {

    private static StepResult step(int rate, double p99, long errors) {
        return new StepResult("gateway", rate, rate * 10L, errors, Map.of(), rate, 1, p99, p99, p99, Map.of(), 0);
    }

    @Test
    void theHighestRateWithP99WithinTheBarAndNoErrorIsTheFigure() {
        List<StepResult> steps = List.of(step(100, 3, 0), step(200, 24.9, 0), step(400, 25.1, 0));
        assertEquals(200, RateSelection.highestMeeting(steps, 25));
    }

    @Test
    void aP99OfExactlyTheBarMeetsIt() {
        assertEquals(400, RateSelection.highestMeeting(List.of(step(400, 25.0, 0)), 25));
    }

    @Test
    void aSingleErrorDisqualifiesAStepHoweverFast() {
        List<StepResult> steps = List.of(step(100, 3, 0), step(200, 4, 1));
        assertEquals(100, RateSelection.highestMeeting(steps, 25));
        assertTrue(RateSelection.stopAfter(steps.get(1), 25));
        assertFalse(RateSelection.stopAfter(steps.get(0), 25));
    }

    @Test
    void noStepMeetingTheBarGivesZero() {
        assertEquals(0, RateSelection.highestMeeting(List.of(step(100, 30, 0)), 25));
        assertEquals(0, RateSelection.highestMeeting(List.of(), 25));
    }

    @Test
    void aStepWithoutRequestsMeetsNothing() {
        StepResult empty = new StepResult("gateway", 100, 0, 0, Map.of(), 0, 0, 0, 0, 0, Map.of(), 0);
        assertFalse(empty.meets(25));
    }
}
