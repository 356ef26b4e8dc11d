package io.shikaku.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.shikaku.common.identifier.FacilityCode;
import io.shikaku.common.identifier.InsurerNumber;

/** The data set's cards and the benchmark's facility codes are well-formed and derived from their index alone. */
class BenchCardTest {

    @Test
    void everyBenchmarkInsurerNumberHasAValidCheckDigit() {
        assertEquals(5, BenchCard.INSURERS.size());
        BenchCard.INSURERS.forEach(n -> assertTrue(InsurerNumber.isValid(n), n));
    }

    @Test
    void aCardIsDerivedFromItsIndexAlone() {
        BenchCard card = BenchCard.of(123_456);
        assertEquals(card, BenchCard.of(123_456));
        assertEquals("B123", card.symbol());
        assertEquals("123456", card.number());
        assertEquals("00", card.branch());
        assertEquals(BenchCard.INSURERS.get(1), card.insurerNumber());
        assertEquals(LocalDate.of(1940, 1, 1).plusDays(123_456 % 25_000), card.birthDate());
    }

    @Test
    void personsAndQualificationsHaveDistinctIdsThatDoNotCollideWithTheDemoData() {
        assertNotEquals(BenchCard.of(1).personId(), BenchCard.of(2).personId());
        assertNotEquals(BenchCard.of(1).personId(), BenchCard.of(1).qualificationId());
        assertTrue(BenchCard.of(0).personId().toString().startsWith("be4c0000-0000-4000-8000-"));
    }

    @Test
    void theCheckBodyIsACardNumbersCheckForTheVisitDate() {
        String body = BenchCard.of(7).checkBody(LocalDate.of(2026, 11, 21));
        assertTrue(body.contains("\"method\":\"INSURANCE_CARD\""), body);
        assertTrue(body.contains("\"visitDate\":\"2026-11-21\""), body);
        assertTrue(body.contains("\"number\":\"7\""), body);
    }

    @Test
    void theBenchmarkFacilityCodesAreWellFormedAndDistinct() {
        var codes = BenchFacilities.codes(100);
        assertEquals(100, codes.stream().distinct().count());
        codes.forEach(c -> assertTrue(FacilityCode.isValid(c), c));
    }
}
