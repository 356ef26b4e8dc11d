package io.shikaku.eligibility.check;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.shikaku.eligibility.qualification.Qualification;

/**
 * The answer to a check, as API.md fixes it; {@code qualification} is absent for NOT_FOUND and MULTIPLE_MATCHES,
 * {@code consent} for every check but one by My Number card.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckAnswer(UUID checkId, Instant checkedAt, CheckMethod method, Validity validity, UUID personId,
        QualificationView qualification, ConsentView consent, List<String> notes, String reference) {

    /**
     * The consent recorded at a card check (card checks only): what this facility may view and until when; both false
     * and no expiry when nothing was consented to or the person's viewing is suspended.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ConsentView(boolean medication, boolean checkup, Instant expiresAt) {

        public static final ConsentView NONE = new ConsentView(false, false, null);
    }

    /** The qualification shown to the facility; the ceiling category only with the patient's consent. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record QualificationView(String insurerNumber, String insurerName, String symbol, String number,
            String branch, String relationship, String name, String nameKana, String sex, LocalDate birthDate,
            LocalDate validFrom, LocalDate validUntil, int copaymentRate, String limitCategory) {

        static QualificationView of(Qualification q, String insurerName, boolean limitCategoryConsented) {
            return new QualificationView(q.insurerNumber, insurerName, q.symbol, q.number, q.branch,
                    q.relationship.name(), q.person.name, q.person.nameKana, q.person.sex.name(), q.person.birthDate,
                    q.validFrom, q.validUntil, q.copaymentRate, limitCategoryConsented ? q.limitCategory : null);
        }
    }
}
