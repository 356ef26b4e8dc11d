package io.shikaku.facility.master;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A facility as the portal shows it, with its stage today. */
@Schema(name = "Facility")
public record FacilityView(String facilityCode, FacilityType type, String prefecture, String name,
        LocalDate accountRegisteredOn, LocalDate readerAppliedOn, Integer readersApplied, LocalDate readyOn,
        LocalDate goLiveOn, boolean emergencyTerminal, Stage stage) {

    public static FacilityView of(Facility f, LocalDate today) {
        FacilityState s = f.details.state();
        return new FacilityView(f.facilityCode, s.type(), s.prefecture(), s.name(), s.accountRegisteredOn(),
                s.readerAppliedOn(), s.readersApplied(), s.readyOn(), s.goLiveOn(), s.emergencyTerminal(),
                Lifecycle.stageOn(f.dates(), today));
    }
}
