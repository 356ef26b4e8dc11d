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

/** A clinic system's request to confirm one patient's qualification on the visit date. */
public record CheckRequest(
        @NotNull CheckMethod method,
        @NotNull LocalDate visitDate,
        @ValidInsurerNumber String insurerNumber,
        @Size(max = 40) String symbol,
        @Size(max = 40) String number,
        @Pattern(regexp = "[0-9]{2}", message = "must be two digits") String branch,
        LocalDate birthDate,
        @Size(max = 64) String reference) {

    /** Rejects, before any database work, a request that is not a complete check by insurance card numbers. */
    void requireCardNumbers() {
        if (method != CheckMethod.INSURANCE_CARD) {
            throw ProblemException.invalidField("method", "only INSURANCE_CARD checks are available in this version");
        }
        List<FieldError> missing = cardNumberProblems();
        if (!missing.isEmpty()) {
            throw new ProblemException(Problem.validation(missing));
        }
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
