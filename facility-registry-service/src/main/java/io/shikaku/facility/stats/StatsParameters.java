package io.shikaku.facility.stats;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import io.shikaku.common.json.CalendarDates;
import io.shikaku.common.problem.ProblemException;

/** The statistics' query parameters, read here so that a malformed one is a 400 naming it, never a 404. */
final class StatsParameters {

    /** "Today" for a default date is Japan's date: the portal reports in Japan time. */

    private StatsParameters() {
    }

    static LocalDate date(String field, String value, LocalDate absent) {
        if (value == null || value.isEmpty()) {
            if (absent == null) {
                throw ProblemException.invalidField(field, "is required (yyyy-MM-dd)");
            }
            return absent;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.getYear() < 1900 || date.getYear() > 2199) {
                throw ProblemException.invalidField(field, "must be a date between 1900 and 2199");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be a date yyyy-MM-dd");
        }
    }

    static String type(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!FacilityTypes.ALL.contains(value)) {
            throw ProblemException.invalidField("type", "must be one of " + String.join(", ", FacilityTypes.ALL));
        }
        return value;
    }

    static void inOrder(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw ProblemException.invalidField("from", "must not be after to");
        }
    }

    static LocalDate today() {
        return LocalDate.now(CalendarDates.JAPAN);
    }
}
