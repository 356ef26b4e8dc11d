package io.shikaku.facility.master;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A facility as the portal shows it, with its stage today. */
@Schema(name = "Facility")
public record FacilityView(String facilityCode, FacilityType type, String prefecture, String name,
        LocalDate accountRegisteredOn, LocalDate readerAppliedOn, Integer readersApplied, LocalDate readyOn,
        LocalDate goLiveOn, boolean emergencyTerminal, Stage stage) {

    public static FacilityView of(Facility f, LocalDate today) {
        return new FacilityView(f.facilityCode, f.type, f.prefecture, f.name, f.accountRegisteredOn,
                f.readerAppliedOn, f.readersApplied == null ? null : f.readersApplied.intValue(), f.readyOn,
                f.goLiveOn, f.emergencyTerminal, Lifecycle.stageOn(f.dates(), today));
    }
}
