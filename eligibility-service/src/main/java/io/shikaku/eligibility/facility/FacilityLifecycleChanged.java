package io.shikaku.eligibility.facility;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The {@code data} of the registry's {@code io.shikaku.facility.lifecycle.changed} event on topic
 * {@code facility-lifecycle}: a facility's full current state (DOMAIN.md §9). A value that breaks its shape (no
 * code, a prefecture outside 01–47, no type) cannot be read, so its event is parked instead of projected.
 */
public record FacilityLifecycleChanged(String facilityCode, FacilityType type, String prefecture,
        LocalDate accountRegisteredOn, LocalDate readerAppliedOn, LocalDate readyOn, LocalDate goLiveOn,
        boolean emergencyTerminal) {

    public static final String TYPE = "io.shikaku.facility.lifecycle.changed";

    public FacilityLifecycleChanged {
        Objects.requireNonNull(type, "type");
        if (facilityCode == null || !facilityCode.matches("[0-9]{10}")) {
            throw new IllegalArgumentException("facilityCode is not ten digits");
        }
        if (prefecture == null || !prefecture.matches("[0-9]{2}") || Integer.parseInt(prefecture) < 1
                || Integer.parseInt(prefecture) > 47) {
            throw new IllegalArgumentException("prefecture is not 01-47");
        }
    }
}
