package io.shikaku.eligibility.emergency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.shikaku.contract.Problem.FieldError;
import io.shikaku.eligibility.qualification.Sex;

/** What a lookup must hold (DOMAIN.md §8, API.md "Emergency and disaster"), and who may make one. */
class LookupRulesTest {

    private static final LocalDate BORN = LocalDate.of(1980, 4, 1);

    private static List<String> fields(EmergencyLookupRequest request) {
        return LookupRules.problems(request).stream().map(FieldError::field).toList();
    }

    private static EmergencyLookupRequest disaster(String name, LocalDate birthDate, Sex sex, String where) {
        return new EmergencyLookupRequest(LookupBasis.DISASTER, name, birthDate, sex, where, null,
                PatientConsent.OBTAINED, true);
    }

    @Test
    void aDisasterLookupWithAllFourIsAccepted() {
        assertTrue(fields(disaster("山田 太郎", BORN, Sex.MALE, "Nakano")).isEmpty());
    }

    @Test
    void anyOfTheFourMissingOrBlankIsRefusedByName() {
        assertEquals(List.of("name"), fields(disaster(null, BORN, Sex.MALE, "Nakano")));
        assertEquals(List.of("name"), fields(disaster("\u3000", BORN, Sex.MALE, "Nakano")));
        assertEquals(List.of("birthDate"), fields(disaster("山田", null, Sex.MALE, "Nakano")));
        assertEquals(List.of("sex"), fields(disaster("山田", BORN, null, "Nakano")));
        assertEquals(List.of("insurerNameOrAddress"), fields(disaster("山田", BORN, Sex.MALE, " ")));
        assertEquals(List.of("name"), fields(disaster("x".repeat(101), BORN, Sex.MALE, "Nakano")));
    }

    @Test
    void theAcknowledgementMustBeTrueAndTheConsentAndBasisGiven() {
        assertEquals(List.of("acknowledgedSpecialAccess"), fields(new EmergencyLookupRequest(LookupBasis.DISASTER,
                "山田", BORN, Sex.MALE, "Nakano", null, PatientConsent.OBTAINED, false)));
        assertEquals(List.of("acknowledgedSpecialAccess", "patientConsent", "basis"),
                fields(new EmergencyLookupRequest(null, null, null, null, null, null, null, null)));
    }

    @Test
    void anEmergencyLookupNeedsAWellFormedCardSerialAndNothingElse() {
        assertTrue(fields(new EmergencyLookupRequest(LookupBasis.EMERGENCY, null, null, null, null,
                "0A1B2C3D4E5F0001", PatientConsent.UNABLE_LIFE_AT_RISK, true)).isEmpty());
        assertEquals(List.of("cardSerial"), fields(new EmergencyLookupRequest(LookupBasis.EMERGENCY, null, null, null,
                null, null, PatientConsent.UNABLE_LIFE_AT_RISK, true)));
        assertEquals(List.of("cardSerial"), fields(new EmergencyLookupRequest(LookupBasis.EMERGENCY, null, null, null,
                null, "not-hex", PatientConsent.UNABLE_LIFE_AT_RISK, true)));
    }

    @Test
    void onlyDoctorsDentistsAndPharmacistsAreLicensed() {
        assertTrue(LookupRules.licensed("DOCTOR"));
        assertTrue(LookupRules.licensed("DENTIST"));
        assertTrue(LookupRules.licensed("PHARMACIST"));
        assertFalse(LookupRules.licensed("NURSE"));
        assertFalse(LookupRules.licensed("doctor"));
        assertFalse(LookupRules.licensed(null));
    }

    @Test
    void theRequestNeverPrintsItsPersonalData() {
        String printed = disaster("山田 太郎", BORN, Sex.MALE, "Nakano").toString();
        assertFalse(printed.contains("山田") || printed.contains("1980") || printed.contains("Nakano"), printed);
    }
}
