package io.shikaku.eligibility.consent;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A consent given at a card check: a facility may view a person's medication and/or checkups until it expires. */
@Entity
public class Consent extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "person_id")
    public UUID personId;

    @Column(name = "facility_code")
    public String facilityCode;

    public boolean medication;

    public boolean checkup;

    @Column(name = "granted_at")
    public Instant grantedAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    /** The card check at which it was given. */
    @Column(name = "check_id")
    public UUID checkId;

    /** A consent given at {@code grantedAt}, lasting {@link ConsentRule#LIFETIME}. */
    public static Consent of(UUID personId, String facilityCode, boolean medication, boolean checkup,
            Instant grantedAt, UUID checkId) {
        Consent consent = new Consent();
        consent.id = UUID.randomUUID();
        consent.personId = personId;
        consent.facilityCode = facilityCode;
        consent.medication = medication;
        consent.checkup = checkup;
        consent.grantedAt = grantedAt;
        consent.expiresAt = ConsentRule.expiresAt(grantedAt);
        consent.checkId = checkId;
        return consent;
    }
}
