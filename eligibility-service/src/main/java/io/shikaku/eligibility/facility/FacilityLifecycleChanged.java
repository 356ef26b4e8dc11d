package io.shikaku.eligibility.facility;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The {@code data} of the registry's {@code io.shikaku.facility.lifecycle.changed} event on topic
 * {@code facility-lifecycle}: a facility's full current state (DOMAIN.md §9). A value that breaks its shape (no
 * code, a prefecture outside 01–47, no type) cannot be read, so its event is parked instead of projected. {@code name}
 * (the master's facility name, shown to patients in their access log) is null in events that do not carry it.
 */
public record FacilityLifecycleChanged(String facilityCode, FacilityType type, String prefecture,
        LocalDate accountRegisteredOn, LocalDate readerAppliedOn, LocalDate readyOn, LocalDate goLiveOn,
        boolean emergencyTerminal, String name) {

    public static final String TYPE = "io.shikaku.facility.lifecycle.changed";

    private static final Pattern CODE = Pattern.compile("[0-9]{10}");
    private static final Pattern PREFECTURE = Pattern.compile("0[1-9]|[1-3][0-9]|4[0-7]");

    public FacilityLifecycleChanged {
        Objects.requireNonNull(type, "type");
        if (facilityCode == null || !CODE.matcher(facilityCode).matches()) {
            throw new IllegalArgumentException("facilityCode is not ten digits");
        }
        if (prefecture == null || !PREFECTURE.matcher(prefecture).matches()) {
            throw new IllegalArgumentException("prefecture is not 01-47");
        }
    }
}
