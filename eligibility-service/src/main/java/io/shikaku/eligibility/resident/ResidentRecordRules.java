package io.shikaku.eligibility.resident;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.shikaku.common.identifier.MyNumber;
import io.shikaku.contract.DomainRule;

/**
 * What makes a resident record acceptable (DOMAIN.md §3, §5): a My Number with a correct check digit, a name, kana,
 * sex MALE or FEMALE, a birth date not in the future, an address. Messages never hold the values.
 */
@DomainRule
public final class ResidentRecordRules {

    static final int MAX_TEXT = 200;
    static final int MAX_ADDRESS = 400;

    /** A field of one record and what is wrong with it. */
    public record Violation(String field, String message) {
    }

    private ResidentRecordRules() {
    }

    public static List<Violation> violations(ResidentRecord record, LocalDate today) {
        List<Violation> found = new ArrayList<>();
        if (record == null) {
            found.add(new Violation("", "must be an object"));
            return found;
        }
        if (record.myNumber() == null) {
            found.add(new Violation("myNumber", "is required"));
        } else if (!MyNumber.isValid(record.myNumber())) {
            found.add(new Violation("myNumber", "must be a 12-digit My Number with a correct check digit"));
        }
        text(found, "name", record.name(), MAX_TEXT);
        text(found, "nameKana", record.nameKana(), MAX_TEXT);
        if (record.sex() == null) {
            found.add(new Violation("sex", "is required"));
        } else if (!"MALE".equals(record.sex()) && !"FEMALE".equals(record.sex())) {
            found.add(new Violation("sex", "must be MALE or FEMALE"));
        }
        if (record.birthDate() == null) {
            found.add(new Violation("birthDate", "is required"));
        } else if (record.birthDate().isAfter(today)) {
            found.add(new Violation("birthDate", "must not be in the future"));
        }
        text(found, "address", record.address(), MAX_ADDRESS);
        return found;
    }

    private static void text(List<Violation> found, String field, String value, int max) {
        if (value == null || FourAttributes.key(value).isEmpty()) {
            found.add(new Violation(field, "is required"));
        } else if (value.length() > max) {
            found.add(new Violation(field, "must be at most " + max + " characters"));
        }
    }
}
