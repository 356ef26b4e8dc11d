package io.shikaku.checkup.batch;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The bodies of the insurer checkup batch endpoints (DOMAIN.md §7, API.md "Medication and checkups"). */
public final class CheckupBatches {

    /** At most this many records in one batch; more is {@code 413 PAYLOAD_TOO_LARGE}. */
    public static final int MAX_RECORDS = 50_000;

    /** Lines per page by default, and at most. */
    public static final int DEFAULT_PAGE_SIZE = 1_000;
    public static final int MAX_PAGE_SIZE = 10_000;

    private CheckupBatches() {
    }

    /** The batch: 1 to 50,000 records, each judged on its own. */
    public record Request(List<CheckupRecord> records) {
    }

    /**
     * One checkup result of one member. Identifying values arrive as text and items as numbers, texts or objects, so
     * that a malformed one becomes that line's REJECTED outcome, not the batch's failure.
     */
    public record CheckupRecord(
            @Schema(description = "The batch's insurer; may be omitted") String insurerNumber,
            String symbol,
            String number,
            @Schema(pattern = "[0-9]{2}") String branch,
            @Schema(enumeration = {
                    "MALE", "FEMALE"},
                    description = "The examinee's sex, on which the waist threshold depends") String sex,
            @Schema(format = "date") String examinedOn,
            @Schema(type = SchemaType.OBJECT, description = "By item name (heightCm, weightKg, bmi, waistCm,"
                    + " systolic, diastolic, triglycerides, hdl, ldl, fastingGlucose, hba1c, ast, alt, ggt,"
                    + " urineGlucose, urineProtein, hemoglobin, egfr): a number (a grade NEGATIVE, TRACE, ONE_PLUS,"
                    + " TWO_PLUS or THREE_PLUS for urine glucose and protein), or an object {value, code, unit} with"
                    + " the item's JLAC10 code and unit") Map<String, Object> items){
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
        REJECTED
    }

    /** The batch's counts and, once completed, one page of its lines in record order. */
    public record View(UUID batchId, Status status, int records, long accepted, long rejected, int page, int size,
            List<Line> lines) {
    }

    /** One line's outcome; {@code code} and {@code message} only for REJECTED lines. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Line(int line, Outcome outcome, String code, String message) {
    }
}
