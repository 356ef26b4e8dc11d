package io.shikaku.medication.dispensing;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The bodies of the claims feed's dispensing batch endpoints (DOMAIN.md §6, API.md "Medication and checkups"). */
public final class DispensingBatches {

    /** At most this many records in one batch; more is {@code 413 PAYLOAD_TOO_LARGE}. */
    public static final int MAX_RECORDS = 50_000;

    /** Lines per page by default, and at most. */
    public static final int DEFAULT_PAGE_SIZE = 1_000;
    public static final int MAX_PAGE_SIZE = 10_000;

    private DispensingBatches() {
    }

    /** The batch: 1 to 50,000 records, each judged on its own. */
    public record Request(List<DispensingRecord> records) {
    }

    /**
     * One dispensing as the claims feed sends it. Values arrive as text (quantity and days as numbers) so that a
     * malformed one rejects its line, not the batch.
     */
    public record DispensingRecord(
            @Schema(description = "8 digits (6 for National Health Insurance) with a correct check digit",
                    example = "06130017") String insurerNumber,
            String symbol,
            String number,
            @Schema(pattern = "[0-9]{2}") String branch,
            @Schema(format = "date", description = "not in the future (Japan)") String dispensedOn,
            @Schema(format = "date", description = "not after dispensedOn") String prescribedOn,
            @Schema(description = "National drug price code (薬価基準収載医薬品コード, YJ): 7 digits, a capital letter,"
                    + " 3 digits or capital letters, a digit; its first 7 characters name the ingredient",
                    example = "1149019F1560") String drugCode,
            String drugName,
            String ingredient,
            @Schema(type = SchemaType.NUMBER, description = "above 0, at most 3 decimals") Object quantity,
            String unit,
            String usage,
            @Schema(type = SchemaType.INTEGER, description = "days supplied, 1 to 365") Object days,
            @Schema(enumeration = {
                    "OUTPATIENT", "INPATIENT"}) String setting,
            @Schema(description = "10-digit facility code") String dispensingFacilityCode,
            @Schema(description = "10-digit facility code") String prescribingFacilityCode){
    }

    /** The receipt, given at once. */
    public record Accepted(UUID batchId, Status status, int records) {
    }

    /** Where a batch stands: COMPLETED once every accepted line was matched against the known persons. */
    public enum Status {
        ACCEPTED,
        PROCESSING,
        COMPLETED
    }

    /** What became of one line. */
    public enum Outcome {
        ACCEPTED,
        REJECTED
    }

    /**
     * The batch's counts and one page of its lines in record order: {@code attached} of the accepted lines belong to a
     * known person, the others wait for their person's qualification to arrive.
     */
    public record View(UUID batchId, Status status, int records, long accepted, long rejected, long attached,
            int page, int size, List<Line> lines) {
    }

    /**
     * One line's outcome; {@code code} and {@code message} for REJECTED lines, and for an ACCEPTED line whose record
     * was received before ({@code DUPLICATE_RECORD}: kept once, not stored again).
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Line(int line, Outcome outcome, String code, String message) {
    }
}
