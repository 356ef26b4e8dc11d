package io.shikaku.facility.master;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class HistoryChangesTest {

    private static final FacilityState REGISTERED = new FacilityState(FacilityType.HOSPITAL, "13", "Tokyo Hospital",
            null, null, null, null, null, false);

    @Test
    void theFirstChangeTouchedEveryFieldItSet() {
        assertEquals(List.of("type", "prefecture", "name"), HistoryChanges.between(null, REGISTERED));
    }

    @Test
    void aLaterChangeTouchedOnlyTheFieldsThatDiffer() {
        FacilityState applied = new FacilityState(FacilityType.HOSPITAL, "13", "Tokyo Hospital",
                LocalDate.of(2021, 4, 1), LocalDate.of(2021, 5, 1), 3, null, null, false);
        assertEquals(List.of("accountRegisteredOn", "readerAppliedOn", "readersApplied"),
                HistoryChanges.between(REGISTERED, applied));
        assertEquals(List.of(), HistoryChanges.between(applied, applied));
    }

    @Test
    void switchingTheEmergencyTerminalOffIsAChange() {
        FacilityState on = new FacilityState(FacilityType.HOSPITAL, "13", "Tokyo Hospital", null, null, null, null,
                null, true);
        assertEquals(List.of("emergencyTerminal"), HistoryChanges.between(on, REGISTERED));
        assertEquals(List.of("emergencyTerminal"), HistoryChanges.between(REGISTERED, on));
    }
}
