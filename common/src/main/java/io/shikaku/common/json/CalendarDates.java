package io.shikaku.common.json;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

import io.shikaku.contract.DomainRule;

/**
 * The dates the API accepts (API.md: {@code yyyy-MM-dd}): exactly ten characters, a real calendar day, and a year from
 * 1900 to 2199, so that nothing absurd (year 0, +999999999) is stored or answered differently from what was sent.
 */
@DomainRule
public final class CalendarDates {

    /** Where the facilities are: "today" and a check's calendar day are Japan's (DOMAIN.md §1). */
    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2199, 12, 31);
    public static final String RULE = "must be a date yyyy-MM-dd between 1900-01-01 and 2199-12-31";

    private static final Pattern SHAPE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private CalendarDates() {
    }

    /** The date {@code text} names, or empty when it does not follow the rule. */
    public static Optional<LocalDate> parse(String text) {
        if (text == null || !SHAPE.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.parse(text);
            return date.isBefore(EARLIEST) || date.isAfter(LATEST) ? Optional.empty() : Optional.of(date);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
