package io.shikaku.eligibility.member;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The bodies of the insurer member batch endpoints (DOMAIN.md §5, API.md "Cards and insurers"). */
public final class MemberBatches {

    /** At most this many records in one batch; more is {@code 413 PAYLOAD_TOO_LARGE}. */
    public static final int MAX_RECORDS = 50_000;

    /** Lines or held records per page by default, and at most. */
    public static final int DEFAULT_PAGE_SIZE = 1_000;
    public static final int MAX_PAGE_SIZE = 10_000;

    private MemberBatches() {
    }

    /** The batch: 1 to 50,000 records, each judged on its own. */
    public record Request(List<MemberRecord> records) {
    }

    /**
     * One member line. Values arrive as text (the copayment rate as a number or text) so that a malformed one becomes
     * that line's REJECTED outcome, not the batch's failure.
     */
    public record MemberRecord(
            @Schema(enumeration = {
                    "UPSERT", "END"}) String op,
            @Schema(description = "12 digits with a correct check digit; only its keyed hash is kept, never returned",
                    example = "123456789018") String myNumber,
            String name,
            String nameKana,
            @Schema(enumeration = {"MALE", "FEMALE"}) String sex,
            @Schema(format = "date") String birthDate,
            String address,
            String symbol,
            String number,
            @Schema(pattern = "[0-9]{2}") String branch,
            @Schema(enumeration = {"INSURED", "DEPENDANT"}) String relationship,
            @Schema(format = "date") String validFrom,
            @Schema(format = "date") String validUntil,
            @Schema(type = SchemaType.INTEGER, enumeration = {"10", "20", "30"}) Object copaymentRate,
            @Schema(description = "A01–A06 under 70, B01–B10 at 70 or over, on the later of validFrom and the"
                    + " submission day") String limitCategory){

        /** This record with another My Number (its keyed hash, for the idempotency hash). */
        MemberRecord withMyNumber(String myNumber) {
            return new MemberRecord(op, myNumber, name, nameKana, sex, birthDate, address, symbol, number, branch,
                    relationship, validFrom, validUntil, copaymentRate, limitCategory);
        }
    }

    /** The receipt, given at once. */
    public record Accepted(UUID batchId, Status status, int records) {
    }

    /** Where a batch stands. */
    public enum Status {
        ACCEPTED,
        PROCESSING,
        COMPLETED
    }

    /** What became of one line. */
    public enum Outcome {
        ACCEPTED,
        HELD,
        REJECTED
    }

    /** The batch's counts and, once completed, one page of its lines in record order. */
    public record View(UUID batchId, Status status, int records, long accepted, long held, long rejected, int page,
            int size, List<Line> lines) {
    }

    /** One line's outcome; {@code code} and {@code message} only for HELD and REJECTED lines. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Line(int line, Outcome outcome, String code, String message) {
    }

    /** One page of the insurer's open held records, oldest first. */
    public record HeldRecords(int page, int size, List<HeldRecord> heldRecords) {
    }

    /** A held line as the insurer sent it, except its My Number, which is never shown. */
    public record HeldRecord(UUID heldRecordId, UUID batchId, int line, String code, String message, Instant heldAt,
            String name, String nameKana, String sex, LocalDate birthDate, String address, String symbol, String number,
            String branch, String relationship, LocalDate validFrom, LocalDate validUntil, Integer copaymentRate,
            String limitCategory) {

        /** A held line's record from its stored values, without the My Number's hash. */
        static HeldRecord of(UUID id, UUID batchId, int line, String code, String message, Instant heldAt,
                MemberLine v) {
            return new HeldRecord(id, batchId, line, code, message, heldAt, v.name(), v.nameKana(), v.sex(),
                    v.birthDate(), v.address(), v.symbol(), v.number(), v.branch(), v.relationship(), v.validFrom(),
                    v.validUntil(), v.copaymentRate(), v.limitCategory());
        }
    }
}
