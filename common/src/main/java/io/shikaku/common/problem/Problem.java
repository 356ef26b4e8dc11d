package io.shikaku.common.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem detail with the stable {@code code} of API.md and, for validation, the fields at fault. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String code, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One rejected input field, named as the caller sent it (e.g. {@code entries[3].birthDate}). */
    public record FieldError(String field, String message) {
    }

    public static Problem of(int status, String code, String title, String detail) {
        return new Problem("urn:shikaku:problem:" + code.toLowerCase().replace('_', '-'), title, status, detail, code,
                List.of());
    }

    public static Problem validation(List<FieldError> errors) {
        return new Problem("urn:shikaku:problem:validation-failed", "Invalid request", 400,
                "The request has " + errors.size() + " invalid field(s)", "VALIDATION_FAILED", errors);
    }
}
