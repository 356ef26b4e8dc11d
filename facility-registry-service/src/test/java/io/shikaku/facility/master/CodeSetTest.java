package io.shikaku.facility.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.shikaku.facility.support.Codes;

class CodeSetTest {

    @Test
    void eachCodeIsAddedOnceAcrossGrowth() {
        CodeSet set = new CodeSet();
        for (int i = 0; i < 300_000; i++) {
            assertTrue(set.add(Codes.of(String.format("%02d", i % 47 + 1), '1', i / 47)));
        }
        assertEquals(300_000, set.size());
        for (int i = 0; i < 300_000; i += 997) {
            assertFalse(set.add(Codes.of(String.format("%02d", i % 47 + 1), '1', i / 47)));
        }
        assertTrue(set.add("0110113719"));
        assertFalse(set.add("0110113719"));
        assertEquals(300_001, set.size());
    }
}
