package io.shikaku.contract;

import java.util.List;

/**
 * An RFC 9457 problem document as API.md fixes it: {@code type}, {@code title}, {@code status}, {@code detail}, the
 * stable {@code code} and, for validation, the fields at fault. The detail never holds personal data or internals.
 */
public record Problem(String type, String title, int status, String detail, String code, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One rejected input field, named as the caller sent it (e.g. {@code entries[3].birthDate}). */
    public record FieldError(String field, String message) {
    }

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** The problem of {@code code}, answered with the code's own status. */
    public static Problem of(ErrorCode code, String detail) {
        return of(code.status(), code, detail);
    }

    /** The problem of {@code code} with another status of the same meaning (e.g. 406 as VALIDATION_FAILED). */
    public static Problem of(int status, ErrorCode code, String detail) {
        return new Problem(code.type(), code.title(), status, detail, code.name(), List.of());
    }

    /** The problem for a bare status that no handler explained. */
    public static Problem forStatus(int status, String detail) {
        return of(status, ErrorCode.forStatus(status), detail);
    }

    public static Problem validation(List<FieldError> errors) {
        return new Problem(ErrorCode.VALIDATION_FAILED.type(), ErrorCode.VALIDATION_FAILED.title(), 400,
                "The request has " + errors.size() + " invalid field(s)", ErrorCode.VALIDATION_FAILED.name(), errors);
    }

    public static Problem invalidField(String field, String message) {
        return validation(List.of(new FieldError(field, message)));
    }

    /** Whether a response of this status must say when to come back ({@code Retry-After}). */
    public boolean retryable() {
        return status == 429 || status == 503 || status == 504;
    }
}
