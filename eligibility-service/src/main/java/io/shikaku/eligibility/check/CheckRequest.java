package io.shikaku.eligibility.check;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.shikaku.common.identifier.ValidInsurerNumber;
import io.shikaku.common.problem.ProblemException;
import io.shikaku.contract.Problem;
import io.shikaku.contract.Problem.FieldError;
import io.shikaku.eligibility.card.CardSerial;

/**
 * A clinic system's request to confirm one patient's qualification on the visit date, by insurance card numbers or by
 * My Number card (DOMAIN.md §4).
 */
public record CheckRequest(
        @NotNull CheckMethod method,
        @NotNull LocalDate visitDate,
        @ValidInsurerNumber String insurerNumber,
        @Size(max = 40) String symbol,
        @Size(max = 40) String number,
        @Pattern(regexp = "[0-9]{2}", message = "must be two digits") String branch,
        LocalDate birthDate,
        @Size(max = 64) String reference,
        @Pattern(regexp = CardSerial.PATTERN, message = CardSerial.RULE) String cardSerial,
        IdentityVerification identityVerification,
        ConsentChoice consent) {

    /** A check by insurance card numbers (a single check's fields, or a bulk inquiry's entry). */
    public static CheckRequest byCardNumbers(CheckMethod method, LocalDate visitDate, String insurerNumber,
            String symbol, String number, String branch, LocalDate birthDate, String reference) {
        return new CheckRequest(method, visitDate, insurerNumber, symbol, number, branch, birthDate, reference, null,
                null, null);
    }

    /**
     * Rejects, before any database work, a request that is neither a complete check by insurance card numbers nor a
     * complete check by My Number card.
     */
    void requireComplete() {
        List<FieldError> missing = switch (method) {
            case INSURANCE_CARD -> cardNumberProblems();
            case MY_NUMBER_CARD -> myNumberCardProblems();
            default -> throw ProblemException.invalidField("method", "must be INSURANCE_CARD or MY_NUMBER_CARD");
        };
        if (!missing.isEmpty()) {
            throw new ProblemException(Problem.validation(missing));
        }
    }

    /** What the patient answered on the reader; no answer is no consent. */
    public ConsentChoice consentOrNone() {
        return consent == null ? ConsentChoice.NONE : consent;
    }

    /** The fields a check by My Number card needs but lacks (the card's serial and how identity was verified). */
    List<FieldError> myNumberCardProblems() {
        List<FieldError> errors = new ArrayList<>();
        if (cardSerial == null) {
            errors.add(new FieldError("cardSerial", "is required"));
        }
        if (identityVerification == null) {
            errors.add(new FieldError("identityVerification", "is required: FACE, PIN or VISUAL"));
        }
        return errors;
    }

    /** The fields a check by insurance card numbers needs but lacks, or that contradict each other. */
    public List<FieldError> cardNumberProblems() {
        List<FieldError> errors = new ArrayList<>();
        if (insurerNumber == null) {
            errors.add(new FieldError("insurerNumber", "is required"));
        }
        if (number == null || number.isBlank()) {
            errors.add(new FieldError("number", "is required"));
        }
        if (branch == null) {
            errors.add(new FieldError("branch", "is required"));
        }
        if (birthDate == null) {
            errors.add(new FieldError("birthDate", "is required"));
        } else if (visitDate != null && birthDate.isAfter(visitDate)) {
            errors.add(new FieldError("birthDate", "must not be after the visit date"));
        }
        return errors;
    }
}
