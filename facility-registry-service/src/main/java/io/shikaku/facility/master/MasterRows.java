package io.shikaku.facility.master;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.shikaku.common.identifier.FacilityCode;
import io.shikaku.common.json.CalendarDates;
import io.shikaku.contract.DomainRule;

/**
 * The rules of a facility master line (DOMAIN.md §3, §9): a valid facility code whose prefecture and fee-table kind
 * agree with the row, the readers a facility of its type may have, and lifecycle dates in order with no step skipped.
 */
@DomainRule
public final class MasterRows {

    public static final String HEADER = "facilityCode,type,prefecture,name,accountRegisteredOn,readerAppliedOn,readersApplied,readyOn,goLiveOn";
    static final int FIELDS = 9;
    static final int MAX_NAME = 200;

    private MasterRows() {
    }

    /** A line's verdict: the row, or a stable code and a message (never echoing more than the facility's name). */
    public record Verdict(MasterRow row, String code, String message) {
        static Verdict ok(MasterRow row) {
            return new Verdict(row, null, null);
        }

        static Verdict rejected(String code, String message) {
            return new Verdict(null, code, message);
        }

        public boolean accepted() {
            return row != null;
        }
    }

    /**
     * The fields of one CSV line (RFC 4180: fields may be quoted, a quote inside doubled; no line breaks inside), or
     * null when its quoting is broken.
     */
    public static List<String> split(String line) {
        List<String> fields = new ArrayList<>(FIELDS);
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = line.length();
        while (true) {
            field.setLength(0);
            if (i < n && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        return null;
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                if (i < n && line.charAt(i) != ',') {
                    return null;
                }
            } else {
                while (i < n && line.charAt(i) != ',') {
                    char c = line.charAt(i++);
                    if (c == '"') {
                        return null;
                    }
                    field.append(c);
                }
            }
            fields.add(field.toString());
            if (i >= n) {
                return fields;
            }
            i++; // the comma
        }
    }

    /** Whether {@code line} is the import's header (a byte-order mark before it is allowed). */
    public static boolean isHeader(String line) {
        String text = line.startsWith("\uFEFF") ? line.substring(1) : line;
        return HEADER.equals(text.strip());
    }

    /** The verdict on one line's fields. */
    public static Verdict check(List<String> fields) {
        if (fields == null) {
            return Verdict.rejected("MALFORMED_LINE", "the line's quoting is broken");
        }
        if (fields.size() != FIELDS) {
            return Verdict.rejected("WRONG_FIELD_COUNT", "expected " + FIELDS + " fields, found " + fields.size());
        }
        String code = fields.get(0).strip();
        if (!FacilityCode.isValid(code)) {
            return Verdict.rejected("INVALID_FACILITY_CODE",
                    "facilityCode must be 10 digits: prefecture 01–47, kind 1, 3 or 4, and a valid check digit");
        }
        FacilityType type = FacilityType.named(fields.get(1).strip());
        if (type == null) {
            return Verdict.rejected("INVALID_TYPE", "type must be HOSPITAL, MEDICAL_CLINIC, DENTAL_CLINIC or PHARMACY");
        }
        if (code.charAt(2) != type.feeTableKind()) {
            return Verdict.rejected("TYPE_KIND_MISMATCH", "a " + type + " has fee-table kind " + type.feeTableKind()
                    + " in its facility code, not " + code.charAt(2));
        }
        String prefecture = fields.get(2).strip();
        if (!isPrefecture(prefecture)) {
            return Verdict.rejected("INVALID_PREFECTURE", "prefecture must be two digits from 01 to 47");
        }
        if (!code.startsWith(prefecture)) {
            return Verdict.rejected("PREFECTURE_MISMATCH", "prefecture must be the facility code's first two digits");
        }
        String name = fields.get(3).strip();
        if (name.isEmpty() || name.length() > MAX_NAME || hasControlCharacters(name)) {
            return Verdict.rejected("INVALID_NAME",
                    "name must be 1 to " + MAX_NAME + " characters without control characters");
        }
        LocalDate[] dates = new LocalDate[4];
        String[] dateFields = {"accountRegisteredOn", "readerAppliedOn", "readyOn", "goLiveOn"};
        int[] columns = {4, 5, 7, 8};
        for (int d = 0; d < 4; d++) {
            String text = fields.get(columns[d]).strip();
            if (!text.isEmpty()) {
                Optional<LocalDate> date = CalendarDates.parse(text);
                if (date.isEmpty()) {
                    return Verdict.rejected("INVALID_DATE", dateFields[d] + " " + CalendarDates.RULE);
                }
                dates[d] = date.get();
            }
        }
        for (int d = 1; d < 4; d++) {
            if (dates[d] != null && dates[d - 1] == null) {
                return Verdict.rejected("MISSING_EARLIER_STEP",
                        dateFields[d] + " requires " + dateFields[d - 1]);
            }
            if (dates[d] != null && dates[d].isBefore(dates[d - 1])) {
                return Verdict.rejected("DATES_OUT_OF_ORDER",
                        dateFields[d] + " must not be before " + dateFields[d - 1]);
            }
        }
        String readersText = fields.get(6).strip();
        Integer readers = null;
        if (dates[1] == null) {
            if (!readersText.isEmpty()) {
                return Verdict.rejected("INVALID_READERS", "readersApplied must be empty without readerAppliedOn");
            }
        } else {
            readers = readers(readersText);
            if (readers == null || readers < 1 || readers > type.maxReaders()) {
                return Verdict.rejected("INVALID_READERS", type == FacilityType.HOSPITAL
                        ? "readersApplied must be 1 to 3 for a hospital"
                        : "readersApplied must be 1 for a " + type);
            }
        }
        return Verdict.ok(new MasterRow(code, type, prefecture, name, dates[0], dates[1], readers, dates[2], dates[3]));
    }

    private static boolean isPrefecture(String text) {
        if (text.length() != 2 || !Character.isDigit(text.charAt(0)) || !Character.isDigit(text.charAt(1))) {
            return false;
        }
        int number = Integer.parseInt(text);
        return number >= 1 && number <= 47;
    }

    private static Integer readers(String text) {
        return text.length() == 1 && text.charAt(0) >= '0' && text.charAt(0) <= '9' ? text.charAt(0) - '0' : null;
    }

    private static boolean hasControlCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
