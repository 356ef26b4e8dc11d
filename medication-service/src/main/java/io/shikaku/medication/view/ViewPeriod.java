package io.shikaku.medication.view;

import java.time.LocalDate;

import io.shikaku.common.json.CalendarDates;
import io.shikaku.common.problem.ProblemException;

/**
 * The dispensing days a medication view covers ({@code from}/{@code to} of the query, both inclusive), the same for a
 * facility's view and the patient's own: by default the 3 years kept (DOMAIN.md §6) up to today; {@code 400} for a
 * date that is not {@code yyyy-MM-dd} or {@code from} after {@code to}.
 */
record ViewPeriod(LocalDate from, LocalDate to) {

    /** Medication is kept 3 years (DOMAIN.md §6): the view's default reach. */
    private static final int YEARS_KEPT = 3;

    static ViewPeriod of(String from, String to, LocalDate today) {
        LocalDate since = from == null ? today.minusYears(YEARS_KEPT) : date("from", from);
        LocalDate until = to == null ? today : date("to", to);
        if (since.isAfter(until)) {
            throw ProblemException.invalidField("from", "must not be after to");
        }
        return new ViewPeriod(since, until);
    }

    /** A required calendar date of the request; {@code 400} naming {@code field} otherwise. */
    static LocalDate date(String field, String value) {
        if (value == null) {
            throw ProblemException.invalidField(field, "is required");
        }
        return CalendarDates.parse(value).orElseThrow(() -> ProblemException.invalidField(field, CalendarDates.RULE));
    }
}
