package io.shikaku.facility.master;

import java.time.LocalDate;

/** What the master holds of a facility at one moment of its history (DOMAIN.md §9). */
public record FacilityState(FacilityType type, String prefecture, String name, LocalDate accountRegisteredOn,
        LocalDate readerAppliedOn, Integer readersApplied, LocalDate readyOn, LocalDate goLiveOn,
        boolean emergencyTerminal) {
}
