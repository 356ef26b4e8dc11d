package io.shikaku.facility.master;

import java.time.LocalDate;

import io.shikaku.common.event.ExportedEvent;
import io.shikaku.common.event.Topics;

/**
 * A facility changed (DESIGN.md, Events: facility-lifecycle): eligibility learns which facilities are live, their type
 * and prefecture without a call, and the viewing services learn the master's facility name that a patient sees beside
 * their own records (DOMAIN.md §6). Keyed by facility code; no person. The import writes the same envelope in SQL
 * ({@link MasterImport}).
 */
public record FacilityLifecycleChanged(String facilityCode, FacilityType facilityType, String prefecture, String name,
        LocalDate accountRegisteredOn, LocalDate readerAppliedOn, LocalDate readyOn, LocalDate goLiveOn,
        boolean emergencyTerminal) implements ExportedEvent {

    public static final String TYPE = "io.shikaku.facility.lifecycle.changed";

    public static FacilityLifecycleChanged of(Facility f) {
        FacilityDetails d = f.details;
        return new FacilityLifecycleChanged(f.facilityCode, d.type, d.prefecture, d.name, d.accountRegisteredOn,
                d.readerAppliedOn, d.readyOn, d.goLiveOn, d.emergencyTerminal);
    }

    /** The event's data: exactly the fields consumers rely on. */
    public record Data(String facilityCode, FacilityType type, String prefecture, String name,
            LocalDate accountRegisteredOn, LocalDate readerAppliedOn, LocalDate readyOn, LocalDate goLiveOn,
            boolean emergencyTerminal) {
    }

    @Override
    public String topic() {
        return Topics.FACILITY_LIFECYCLE;
    }

    @Override
    public String key() {
        return facilityCode;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String subject() {
        return facilityCode;
    }

    @Override
    public Object data() {
        return new Data(facilityCode, facilityType, prefecture, name, accountRegisteredOn, readerAppliedOn, readyOn,
                goLiveOn,
                emergencyTerminal);
    }
}
