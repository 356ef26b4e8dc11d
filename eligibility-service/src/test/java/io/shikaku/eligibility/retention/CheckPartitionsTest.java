package io.shikaku.eligibility.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Month partitions of the checks: Japan's months, names, bounds and retention. */
class CheckPartitionsTest {

    private static final Period FIVE_YEARS = Period.ofYears(5);

    @Test
    void aCheckJustAfterMidnightOnTheFirstInJapanBelongsToTheNewMonthThoughItIsStillTheOldMonthInUtc() {
        assertEquals(YearMonth.of(2026, 12), CheckPartitions.monthOf(Instant.parse("2026-11-30T15:30:00Z")));
        assertEquals(YearMonth.of(2026, 11), CheckPartitions.monthOf(Instant.parse("2026-11-30T14:59:59.999Z")));
    }

    @Test
    void aMonthIsBoundedByMidnightInJapanOnTheFirstOfItAndOfTheNext() {
        assertEquals(OffsetDateTime.parse("2026-11-01T00:00+09:00"), CheckPartitions.from(YearMonth.of(2026, 11)));
        assertEquals(OffsetDateTime.parse("2027-01-01T00:00+09:00"), CheckPartitions.to(YearMonth.of(2026, 12)));
        assertEquals(Instant.parse("2026-10-31T15:00:00Z"), CheckPartitions.from(YearMonth.of(2026, 11)).toInstant());
    }

    @Test
    void boundsAreWrittenAsTimestamptzLiteralsInJapanTime() {
        assertEquals("2026-12-01 00:00:00+09", CheckPartitions.literal(CheckPartitions.to(YearMonth.of(2026, 11))));
    }

    @Test
    void aPartitionIsNamedByYearAndMonthAndTheNameGivesTheMonthBack() {
        assertEquals("eligibility_check_2026_03", CheckPartitions.name(YearMonth.of(2026, 3)));
        assertEquals(Optional.of(YearMonth.of(2026, 3)), CheckPartitions.monthOfName("eligibility_check_2026_03"));
    }

    @Test
    void theDefaultPartitionAndOtherTablesAreNotMonths() {
        assertEquals(Optional.empty(), CheckPartitions.monthOfName(CheckPartitions.DEFAULT_PARTITION));
        assertEquals(Optional.empty(), CheckPartitions.monthOfName("eligibility_check_2026_13"));
        assertEquals(Optional.empty(), CheckPartitions.monthOfName("eligibility_check_2026_3"));
        assertEquals(Optional.empty(), CheckPartitions.monthOfName("consent"));
    }

    @Test
    void thisMonthInJapanAndTheMonthsAheadArePartitionedAcrossTheYearEnd() {
        assertEquals(List.of(YearMonth.of(2027, 1), YearMonth.of(2027, 2), YearMonth.of(2027, 3)),
                CheckPartitions.wanted(Instant.parse("2026-12-31T15:00:00Z"), 2));
        assertEquals(List.of(YearMonth.of(2026, 12)), CheckPartitions.wanted(Instant.parse("2026-12-31T14:00:00Z"), 0));
        assertThrows(IllegalArgumentException.class, () -> CheckPartitions.wanted(Instant.now(), -1));
    }

    @Test
    void aMonthExpiresOnceItsLastCheckIsOlderThanTheRetention() {
        YearMonth november2026 = YearMonth.of(2026, 11);
        Instant endPlusFiveYears = Instant.parse("2031-11-30T15:00:00Z"); // 2031-12-01 00:00 in Japan
        assertTrue(CheckPartitions.expired(november2026, endPlusFiveYears, FIVE_YEARS));
        assertFalse(CheckPartitions.expired(november2026, endPlusFiveYears.minusMillis(1), FIVE_YEARS));
    }

    @Test
    void aCheckIsKeptAtLeastTheRetentionEvenOnTheLastDayOfItsMonth() {
        YearMonth november2026 = YearMonth.of(2026, 11);
        Instant fiveYearsAfterTheFirst = Instant.parse("2031-10-31T15:00:00Z"); // 2031-11-01 in Japan
        assertFalse(CheckPartitions.expired(november2026, fiveYearsAfterTheFirst, FIVE_YEARS));
        assertTrue(CheckPartitions.expired(YearMonth.of(2026, 10), fiveYearsAfterTheFirst, FIVE_YEARS));
    }
}
