package io.shikaku.checkup.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The 5-year retention of checkups counts in Japan's calendar (DOMAIN.md §11). */
class RetentionRuleTest {

    @Test
    void theFirstKeptExaminationIsTheSameDayFiveYearsBeforeTodayInJapan() {
        // 2026-11-21T15:00Z is already 2026-11-22 in Japan
        assertEquals(LocalDate.of(2021, 11, 21), RetentionRule.firstKeptExamination(
                Instant.parse("2026-11-21T14:59:59Z")));
        assertEquals(LocalDate.of(2021, 11, 22), RetentionRule.firstKeptExamination(
                Instant.parse("2026-11-21T15:00:00Z")));
    }

    @Test
    void aLeapDayKeepsTheLastDayOfFebruaryFiveYearsLater() {
        assertEquals(LocalDate.of(2024, 2, 28), RetentionRule.oldestKept(LocalDate.of(2029, 2, 28)));
        assertEquals(LocalDate.of(2023, 2, 28), RetentionRule.oldestKept(LocalDate.of(2028, 2, 29)));
    }

    @Test
    void aBatchReportIsKeptFiveYearsFromItsAcceptance() {
        assertEquals(Instant.parse("2021-11-22T01:00:00Z"), RetentionRule.firstKeptBatch(
                Instant.parse("2026-11-22T01:00:00Z")));
    }
}
