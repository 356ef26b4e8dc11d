package io.shikaku.medication.dispensing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

import io.shikaku.common.identifier.FacilityCode;
import io.shikaku.common.identifier.InsurerNumber;
import io.shikaku.common.json.CalendarDates;
import io.shikaku.contract.DomainRule;
import io.shikaku.medication.dispensing.DispensingBatches.DispensingRecord;
import io.shikaku.medication.drug.DrugCodes;

/**
 * What makes a dispensing line of the claims feed well-formed (DOMAIN.md §3, §6): a valid individual insured number and
 * facility codes, a national drug price code, a positive quantity, 1 to 365 days supplied, and dates in order and not
 * in the future. The first problem found rejects the line; its message names the field, never quotes a value.
 */
@DomainRule
public final class DispensingLineRules {

    static final int MAX_TEXT = 200;
    static final int MAX_CARD_TEXT = 40;
    static final int MAX_UNIT = 20;
    static final BigDecimal MAX_QUANTITY = new BigDecimal("9999999.999");

    private static final Pattern BRANCH = Pattern.compile("[0-9]{2}");

    /** Why a line is rejected. */
    public enum Code {
        INVALID_FIELD,
        INVALID_DATES
    }

    /** A well-formed line with typed values. */
    public record ValidLine(String insurerNumber, String symbol, String number, String branch, LocalDate dispensedOn,
            LocalDate prescribedOn, String drugCode, String drugName, String ingredient, BigDecimal quantity,
            String unit, String usage, int days, String setting, String dispensingFacilityCode,
            String prescribingFacilityCode) {
    }

    /** Either a valid line or why it is rejected. */
    public record Judgement(ValidLine line, Code code, String message) {

        public boolean valid() {
            return line != null;
        }
    }

    private DispensingLineRules() {
    }

    /** Judges one record of a batch submitted on {@code today} (Japan's calendar day). */
    public static Judgement judge(DispensingRecord r, LocalDate today) {
        try {
            return new Judgement(valid(r, today), null, null);
        } catch (Rejected rejected) {
            return new Judgement(null, rejected.code, rejected.getMessage());
        }
    }

    private static ValidLine valid(DispensingRecord r, LocalDate today) {
        if (r == null) {
            throw new Rejected(Code.INVALID_FIELD, "record", "must be an object");
        }
        String insurer = required("insurerNumber", r.insurerNumber(), 8);
        if (!InsurerNumber.isValid(insurer)) {
            throw new Rejected(Code.INVALID_FIELD, "insurerNumber",
                    "must be 6 or 8 digits with a correct check digit");
        }
        String symbol = r.symbol() == null ? "" : text("symbol", r.symbol(), MAX_CARD_TEXT);
        String number = required("number", r.number(), MAX_CARD_TEXT);
        String branch = required("branch", r.branch(), 2);
        if (!BRANCH.matcher(branch).matches()) {
            throw new Rejected(Code.INVALID_FIELD, "branch", "must be 2 digits");
        }
        LocalDate dispensedOn = date("dispensedOn", r.dispensedOn());
        LocalDate prescribedOn = date("prescribedOn", r.prescribedOn());
        if (dispensedOn.isAfter(today)) {
            throw new Rejected(Code.INVALID_DATES, "dispensedOn", "must not be in the future");
        }
        if (prescribedOn.isAfter(dispensedOn)) {
            throw new Rejected(Code.INVALID_DATES, "prescribedOn", "must not be after dispensedOn");
        }
        String drugCode = required("drugCode", r.drugCode(), 12);
        if (!DrugCodes.isValid(drugCode)) {
            throw new Rejected(Code.INVALID_FIELD, "drugCode",
                    "must be a national drug price code: 7 digits, a capital letter, 3 digits or capital letters and"
                            + " a digit");
        }
        String drugName = required("drugName", r.drugName(), MAX_TEXT);
        String ingredient = required("ingredient", r.ingredient(), MAX_TEXT);
        BigDecimal quantity = quantity(r.quantity());
        String unit = required("unit", r.unit(), MAX_UNIT);
        String usage = r.usage() == null ? null : text("usage", r.usage(), MAX_TEXT);
        int days = days(r.days());
        String setting = required("setting", r.setting(), 10);
        if (!setting.equals("OUTPATIENT") && !setting.equals("INPATIENT")) {
            throw new Rejected(Code.INVALID_FIELD, "setting", "must be OUTPATIENT or INPATIENT");
        }
        String dispensing = facility("dispensingFacilityCode", r.dispensingFacilityCode());
        String prescribing = facility("prescribingFacilityCode", r.prescribingFacilityCode());
        return new ValidLine(insurer, symbol, number, branch, dispensedOn, prescribedOn, drugCode, drugName,
                ingredient, quantity, unit, usage, days, setting, dispensing, prescribing);
    }

    private static String facility(String field, String value) {
        String code = required(field, value, 10);
        if (!FacilityCode.isValid(code)) {
            throw new Rejected(Code.INVALID_FIELD, field,
                    "must be a 10-digit facility code with a correct check digit");
        }
        return code;
    }

    private static BigDecimal quantity(Object value) {
        if (!(value instanceof Number n)) {
            throw new Rejected(Code.INVALID_FIELD, "quantity", value == null ? "is required" : "must be a number");
        }
        BigDecimal q = new BigDecimal(n.toString());
        if (q.signum() <= 0 || q.compareTo(MAX_QUANTITY) > 0 || q.stripTrailingZeros().scale() > 3) {
            throw new Rejected(Code.INVALID_FIELD, "quantity",
                    "must be above 0 and at most 9999999.999, with at most 3 decimals");
        }
        return q;
    }

    private static int days(Object value) {
        if (!(value instanceof Integer || value instanceof Long)) {
            throw new Rejected(Code.INVALID_FIELD, "days", value == null ? "is required" : "must be a whole number");
        }
        long days = ((Number) value).longValue();
        if (days < 1 || days > 365) {
            throw new Rejected(Code.INVALID_FIELD, "days", "must be from 1 to 365");
        }
        return (int) days;
    }

    private static LocalDate date(String field, String value) {
        if (value == null) {
            throw new Rejected(Code.INVALID_FIELD, field, "is required");
        }
        Optional<LocalDate> date = CalendarDates.parse(value);
        if (date.isEmpty()) {
            throw new Rejected(Code.INVALID_FIELD, field, CalendarDates.RULE);
        }
        return date.get();
    }

    private static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new Rejected(Code.INVALID_FIELD, field, "is required");
        }
        return text(field, value, max);
    }

    private static String text(String field, String value, int max) {
        if (value.length() > max) {
            throw new Rejected(Code.INVALID_FIELD, field, "must be at most " + max + " characters");
        }
        if (value.indexOf('\0') >= 0) {
            throw new Rejected(Code.INVALID_FIELD, field, "must not contain NUL");
        }
        return value;
    }

    /** The first problem of a line. */
    private static final class Rejected extends RuntimeException {

        private static final long serialVersionUID = 1L;

        final Code code;

        Rejected(Code code, String field, String message) {
            super(field + ": " + message, null, false, false);
            this.code = code;
        }
    }
}
