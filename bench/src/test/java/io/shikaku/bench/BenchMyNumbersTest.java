package io.shikaku.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.shikaku.common.identifier.MyNumber;

/** The benchmark's My Numbers are valid, distinct, kept apart per set, and hashed as eligibility hashes them. */
class BenchMyNumbersTest {

    @Test
    void everyNumberHasAValidCheckDigitAndTheCardSetNeverMeetsABatch() {
        Set<String> seen = new HashSet<>();
        for (long i = 0; i < 50_000; i++) {
            String card = BenchMyNumbers.ofCardHolder(i);
            String line = BenchMyNumbers.ofBatchLine(i);
            assertTrue(MyNumber.isValid(card), card);
            assertTrue(MyNumber.isValid(line), line);
            assertTrue(seen.add(card), card);
            assertTrue(seen.add(line), line);
        }
    }

    @Test
    void theHashIsTheHexHmacOfTheNumberUnderTheKey() {
        BenchMyNumbers numbers = new BenchMyNumbers(BenchMyNumbers.DEVELOPMENT_KEY);
        String hash = numbers.hash("123456789018");
        assertEquals(64, hash.length());
        assertTrue(hash.matches("[0-9a-f]{64}"), hash);
        assertEquals(hash, numbers.hash("123456789018"));
        assertNotEquals(hash, new BenchMyNumbers(BenchMyNumbers.DEVELOPMENT_KEY + "x").hash("123456789018"));
    }

    @Test
    void cardSerialsAreTheReadersUpperCaseHexAndDistinct() {
        assertEquals("BE4C00000000000F", CardDataSet.serial(15));
        assertTrue(CardDataSet.serial(99_999).matches("[0-9A-F]{8,40}"));
        assertTrue(CardDataSet.checkBody(7, java.time.LocalDate.of(2026, 11, 21))
                .contains("\"cardSerial\":\"BE4C000000000007\""));
    }
}
