package io.shikaku.eligibility.emergency;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.shikaku.contract.DomainRule;
import io.shikaku.contract.Problem.FieldError;
import io.shikaku.eligibility.card.CardSerial;
import io.shikaku.eligibility.resident.FourAttributes;

/**
 * What a lookup request must hold (DOMAIN.md §8, API.md): the caller acknowledges the special, logged operation, says
 * how the patient's consent stands and on which basis; an emergency lookup gives the card's serial, a disaster lookup
 * all four of name, birth date, sex and insurer name or address (blank after normalisation counts as missing). Only
 * licensed staff (doctor, dentist, pharmacist) may look up.
 */
@DomainRule
public final class LookupRules {

    /** The licensed professions of emergency staff (the token's {@code profession}). */
    public static final Set<String> PROFESSIONS = Set.of("DOCTOR", "DENTIST", "PHARMACIST");

    public static final int MAX_NAME = 100;
    public static final int MAX_INSURER_NAME_OR_ADDRESS = 200;

    private LookupRules() {
    }

    /** Whether {@code profession} (a token claim, possibly absent) is a licensed profession. */
    public static boolean licensed(String profession) {
        return profession != null && PROFESSIONS.contains(profession);
    }

    /** Every reason the request cannot be looked up, by field; empty when it can. */
    public static List<FieldError> problems(EmergencyLookupRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (!Boolean.TRUE.equals(request.acknowledgedSpecialAccess())) {
            errors.add(new FieldError("acknowledgedSpecialAccess",
                    "must be true: a lookup without consent is a special operation, logged and reviewed"));
        }
        if (request.patientConsent() == null) {
            errors.add(new FieldError("patientConsent", "is required: OBTAINED or UNABLE_LIFE_AT_RISK"));
        }
        if (request.basis() == null) {
            errors.add(new FieldError("basis", "is required: EMERGENCY or DISASTER"));
        } else if (request.basis() == LookupBasis.EMERGENCY) {
            if (request.cardSerial() == null) {
                errors.add(new FieldError("cardSerial", "is required for an EMERGENCY lookup (the card present)"));
            } else if (!CardSerial.isValid(request.cardSerial())) {
                errors.add(new FieldError("cardSerial", CardSerial.RULE));
            }
        } else {
            text(errors, "name", request.name(), MAX_NAME);
            if (request.birthDate() == null) {
                errors.add(new FieldError("birthDate", "is required for a DISASTER lookup"));
            }
            if (request.sex() == null) {
                errors.add(new FieldError("sex", "is required for a DISASTER lookup: MALE or FEMALE"));
            }
            text(errors, "insurerNameOrAddress", request.insurerNameOrAddress(), MAX_INSURER_NAME_OR_ADDRESS);
        }
        return errors;
    }

    private static void text(List<FieldError> errors, String field, String value, int max) {
        if (value == null || FourAttributes.key(value).isEmpty()) {
            errors.add(new FieldError(field, "is required for a DISASTER lookup"));
        } else if (value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
    }
}
