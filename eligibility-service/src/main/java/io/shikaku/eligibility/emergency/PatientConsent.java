package io.shikaku.eligibility.emergency;

/**
 * How the patient's consent stands at a lookup (DOMAIN.md §8): obtained separately, or not obtainable because the
 * patient cannot express it and their life is at risk.
 */
public enum PatientConsent {
    OBTAINED,
    UNABLE_LIFE_AT_RISK
}
