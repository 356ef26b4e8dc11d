package io.shikaku.facility.master;

import java.time.LocalDate;

/** One validated line of a facility master import (API.md "Facilities and statistics"). */
public record MasterRow(String facilityCode, FacilityType type, String prefecture, String name,
        LocalDate accountRegisteredOn, LocalDate readerAppliedOn, Integer readersApplied, LocalDate readyOn,
        LocalDate goLiveOn) {
}
