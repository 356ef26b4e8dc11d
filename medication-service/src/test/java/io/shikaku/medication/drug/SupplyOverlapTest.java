package io.shikaku.medication.drug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class SupplyOverlapTest {

    private static final LocalDate DISPENSED = LocalDate.of(2026, 2, 22);

    @Test
    void aSevenDaySupplyLastsThroughTheSixthDayAfterDispensing() {
        assertEquals(LocalDate.of(2026, 2, 28), SupplyOverlap.lastDay(DISPENSED, 7));
        assertEquals(DISPENSED, SupplyOverlap.lastDay(DISPENSED, 1));
    }

    @Test
    void aStartOnTheDispensingDayOrTheLastDayOverlaps() {
        assertTrue(SupplyOverlap.overlaps(DISPENSED, 7, DISPENSED));
        assertTrue(SupplyOverlap.overlaps(DISPENSED, 7, LocalDate.of(2026, 2, 28)));
        assertTrue(SupplyOverlap.overlaps(DISPENSED, 1, DISPENSED));
    }

    @Test
    void aStartTheDayAfterTheSupplyEndedOrBeforeItBeganDoesNotOverlap() {
        assertFalse(SupplyOverlap.overlaps(DISPENSED, 7, LocalDate.of(2026, 3, 1)));
        assertFalse(SupplyOverlap.overlaps(DISPENSED, 7, DISPENSED.minusDays(1)));
        assertFalse(SupplyOverlap.overlaps(DISPENSED, 1, DISPENSED.plusDays(1)));
    }

    @Test
    void aYearlongSupplyCrossesTheLeapDay() {
        LocalDate dispensed = LocalDate.of(2027, 3, 1);
        assertEquals(LocalDate.of(2028, 2, 28), SupplyOverlap.lastDay(dispensed, 365));
        assertTrue(SupplyOverlap.overlaps(dispensed, 365, LocalDate.of(2028, 2, 28)));
        assertFalse(SupplyOverlap.overlaps(dispensed, 365, LocalDate.of(2028, 2, 29)));
    }

    @Test
    void noSupplyLastsLessThanADay() {
        assertThrows(IllegalArgumentException.class, () -> SupplyOverlap.lastDay(DISPENSED, 0));
    }
}
