package io.shikaku.eligibility.facility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class FacilityLifecycleChangedTest {

    private static FacilityLifecycleChanged state(String code, FacilityType type, String prefecture) {
        return new FacilityLifecycleChanged(code, type, prefecture, null, null, null, LocalDate.of(2021, 10, 1),
                false, null);
    }

    @Test
    void everyPrefectureFrom01To47IsAccepted() {
        for (int p = 1; p <= 47; p++) {
            String prefecture = String.format("%02d", p);
            assertEquals(prefecture, state("0110113719", FacilityType.PHARMACY, prefecture).prefecture());
        }
    }

    @Test
    void aStateThatBreaksTheEventsShapeCannotBeRead() {
        for (String prefecture : new String[] {"00", "48", "1", "", null, "１３"}) {
            assertThrows(RuntimeException.class, () -> state("0110113719", FacilityType.HOSPITAL, prefecture));
        }
        for (String code : new String[] {"011011371", "01101137190", "011011371x", null}) {
            assertThrows(RuntimeException.class, () -> state(code, FacilityType.HOSPITAL, "01"));
        }
        assertThrows(RuntimeException.class, () -> state("0110113719", null, "01"));
    }
}
