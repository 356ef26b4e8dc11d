package io.shikaku.eligibility.check;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** The record of one check: who asked, when, how, and the answer given (evidence for claims, usage statistics). */
@Entity
@Table(name = "eligibility_check")
public class EligibilityCheck extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "facility_code")
    public String facilityCode;

    @Enumerated(EnumType.STRING)
    public CheckMethod method;

    @Column(name = "visit_date")
    public LocalDate visitDate;

    @Column(name = "checked_at")
    public Instant checkedAt;

    @Enumerated(EnumType.STRING)
    public Validity validity;

    @Column(name = "person_id")
    public UUID personId;

    @Column(name = "qualification_id")
    public UUID qualificationId;

    public String reference;

    /** How the card holder was verified, for checks by My Number card only. */
    @Enumerated(EnumType.STRING)
    @Column(name = "identity_verification")
    public IdentityVerification identityVerification;

    /** The answer exactly as returned, in JSON. */
    public String answer;
}
