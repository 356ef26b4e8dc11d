package io.shikaku.eligibility.emergency;

import java.time.LocalDate;

import io.shikaku.eligibility.qualification.Sex;

/**
 * Licensed staff's request to identify a patient without a consent at a card check (API.md "Emergency and disaster").
 * Its personal data is never logged: {@link #toString()} leaves it out.
 */
public record EmergencyLookupRequest(LookupBasis basis, String name, LocalDate birthDate, Sex sex,
        String insurerNameOrAddress, String cardSerial, PatientConsent patientConsent,
        Boolean acknowledgedSpecialAccess) {

    @Override
    public String toString() {
        return "EmergencyLookupRequest[basis=" + basis + ", patientConsent=" + patientConsent + "]";
    }
}
