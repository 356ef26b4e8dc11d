package io.shikaku.eligibility.disaster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.shikaku.common.json.CalendarDates;
import io.shikaku.contract.Problem.FieldError;

/** What a disaster declaration must hold, and when it is in force (DOMAIN.md §8). */
class DisasterRulesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 21);

    private static List<String> fields(DisasterRequest request) {
        return DisasterRules.problems(request).stream().map(FieldError::field).toList();
    }

    @Test
    void aNamedRegionAndAnOrderedPeriodAreAccepted() {
        assertTrue(DisasterRules.problems(new DisasterRequest("Noto earthquake", List.of("17", "16", "01", "47"), DAY,
                DAY)).isEmpty());
    }

    @Test
    void aBlankOrOverlongNameIsRefused() {
        assertEquals(List.of("name"), fields(new DisasterRequest(" \u3000", List.of("13"), DAY, DAY)));
        assertEquals(List.of("name"), fields(new DisasterRequest("x".repeat(201), List.of("13"), DAY, DAY)));
        assertEquals(List.of("name"), fields(new DisasterRequest(null, List.of("13"), DAY, DAY)));
    }

    @Test
    void prefecturesMustBeTwoDigitCodesFromOneToFortySevenEachOnce() {
        assertEquals(List.of("prefectures"), fields(new DisasterRequest("x", List.of(), DAY, DAY)));
        assertEquals(List.of("prefectures"), fields(new DisasterRequest("x", null, DAY, DAY)));
        assertEquals(List.of("prefectures[0]", "prefectures[1]", "prefectures[2]", "prefectures[3]", "prefectures[5]"),
                fields(new DisasterRequest("x", Arrays.asList("00", "48", "1", null, "13", "13"), DAY, DAY)));
    }

    @Test
    void thePeriodNeedsBothDaysInOrder() {
        assertEquals(List.of("until"), fields(new DisasterRequest("x", List.of("13"), DAY, DAY.minusDays(1))));
        assertEquals(List.of("from", "until"), fields(new DisasterRequest("x", List.of("13"), null, null)));
    }

    @Test
    void aDisasterIsInForceFromMidnightInJapanOnItsFirstDayToMidnightAfterItsLast() {
        Instant starts = DisasterRules.startsAt(DAY, CalendarDates.JAPAN);
        Instant ends = DisasterRules.endsAt(DAY, CalendarDates.JAPAN);
        assertEquals(Instant.parse("2026-11-20T15:00:00Z"), starts);
        assertEquals(Instant.parse("2026-11-21T15:00:00Z"), ends);
        assertFalse(DisasterRules.inForce(starts, ends, starts.minusMillis(1)));
        assertTrue(DisasterRules.inForce(starts, ends, starts));
        assertTrue(DisasterRules.inForce(starts, ends, ends.minusMillis(1)));
        assertFalse(DisasterRules.inForce(starts, ends, ends));
    }
}
