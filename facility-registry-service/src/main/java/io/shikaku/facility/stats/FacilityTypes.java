package io.shikaku.facility.stats;

import java.util.List;

/** The facility types in the order the portal's tables list them (DOMAIN.md §3, §10). */
final class FacilityTypes {

    static final List<String> ALL = List.of("HOSPITAL", "MEDICAL_CLINIC", "DENTAL_CLINIC", "PHARMACY");

    private FacilityTypes() {
    }
}
