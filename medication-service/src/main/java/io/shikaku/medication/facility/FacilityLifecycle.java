package io.shikaku.medication.facility;

/**
 * What this service reads of the registry's {@code io.shikaku.facility.lifecycle.changed} event: the facility's code and
 * its name in the master (the other fields are eligibility's concern and ignored here); {@code name} is null in events
 * published before the registry carried it.
 */
public record FacilityLifecycle(String facilityCode, String name) {

    public static final String TYPE = "io.shikaku.facility.lifecycle.changed";
}
