package io.shikaku.eligibility.facility;

/** The four kinds of facility the registry knows (DOMAIN.md §10), as its lifecycle events name them. */
public enum FacilityType {
    HOSPITAL,
    MEDICAL_CLINIC,
    DENTAL_CLINIC,
    PHARMACY
}
