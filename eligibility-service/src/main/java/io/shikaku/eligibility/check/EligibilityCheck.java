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

    /** The record of an answered check ({@code answerJson}: the answer as returned), not yet written. */
    static EligibilityCheck of(String facilityCode, CheckRequest request, UUID qualificationId, CheckAnswer answer,
            String answerJson) {
        EligibilityCheck check = new EligibilityCheck();
        check.id = answer.checkId();
        check.facilityCode = facilityCode;
        check.method = answer.method();
        check.visitDate = request.visitDate();
        check.checkedAt = answer.checkedAt();
        check.validity = answer.validity();
        check.personId = answer.personId();
        check.qualificationId = qualificationId;
        check.reference = request.reference();
        check.identityVerification = answer.method() == CheckMethod.MY_NUMBER_CARD
                ? request.identityVerification()
                : null;
        check.answer = answerJson;
        return check;
    }
}
