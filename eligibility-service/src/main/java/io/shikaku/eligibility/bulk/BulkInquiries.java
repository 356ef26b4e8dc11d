package io.shikaku.eligibility.bulk;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.shikaku.eligibility.check.CheckAnswer.QualificationView;
import io.shikaku.eligibility.check.Validity;

/** The bodies of the bulk inquiry endpoints (一括照会, DOMAIN.md §4, API.md "Eligibility"). */
public final class BulkInquiries {

    /** At most this many entries in one inquiry; more is {@code 413 PAYLOAD_TOO_LARGE}. */
    public static final int MAX_ENTRIES = 10_000;

    /** Results per page by default, and at most. */
    public static final int DEFAULT_PAGE_SIZE = 1_000;
    public static final int MAX_PAGE_SIZE = 10_000;

    private BulkInquiries() {
    }

    /** The inquiry: one visit date, 1 to 10,000 entries; each entry is validated on its own. */
    public record Request(@NotNull LocalDate visitDate, List<Entry> entries) {
    }

    /**
     * One patient by card numbers, with the clinic's own reference; fields arrive as text so that a malformed one
     * (even the birth date) becomes that entry's error, not the inquiry's.
     */
    public record Entry(String insurerNumber, String symbol, String number, String branch, String birthDate,
            String reference) {
    }

    /** The receipt, given at once. */
    public record Accepted(UUID inquiryId, Status status, int entries) {
    }

    /** Where an inquiry stands. */
    public enum Status {
        ACCEPTED,
        PROCESSING,
        COMPLETED
    }

    /** The inquiry's counts and, once completed, one page of its results in entry order. */
    public record View(UUID inquiryId, Status status, LocalDate visitDate, int entries, long processed, long normal,
            long errors, int page, int size, List<Result> results) {
    }

    /** One entry's answer: a validity (and qualification, when one is shown) or an error naming the field. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Result(String reference, Validity validity, QualificationView qualification, EntryError error) {
    }

    /** Why an entry could not be checked; names the field, never its value. */
    public record EntryError(String code, String message) {
    }
}
