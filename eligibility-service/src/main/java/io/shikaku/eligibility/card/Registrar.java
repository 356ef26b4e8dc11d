package io.shikaku.eligibility.card;

import java.util.UUID;

/** Who registers a card: the patient for their own person, or a clinic system at its reader (API.md). */
public record Registrar(UUID personId, String facilityCode) {

    public static Registrar patient(UUID personId) {
        return new Registrar(personId, null);
    }

    public static Registrar clinic(String facilityCode) {
        return new Registrar(null, facilityCode);
    }

    public boolean isPatient() {
        return personId != null;
    }
}
