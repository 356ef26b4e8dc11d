package io.shikaku.eligibility.audit;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.shikaku.common.access.AccessBasis;
import io.shikaku.common.identifier.FacilityCode;
import io.shikaku.common.json.CalendarDates;
import io.shikaku.common.problem.ProblemException;
import io.shikaku.contract.DomainRule;
import io.shikaku.contract.Problem;
import io.shikaku.contract.Problem.FieldError;

/**
 * The access log's query parameters (API.md "Audit", "Patients"), read as text so that every malformed one is a
 * {@code 400 VALIDATION_FAILED} naming it (all of them at once), never a 404: person a UUID, facility a facility code
 * (10 digits, check digit right), basis {@code CONSENT|EMERGENCY|DISASTER}, page from 0, size 1–{@value #MAX_SIZE}
 * (default {@value #DEFAULT_SIZE}), and a period: {@code from} and {@code to} are each an RFC 3339 instant or a
 * {@code yyyy-MM-dd} day in Japan (a day includes all of it), both inclusive, {@code from} not after {@code to}.
 */
@DomainRule
public final class AccessLogQuery {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;
    public static final int MAX_PAGE = 1_000_000;

    private AccessLogQuery() {
    }

    /** What to read: every filter may be null; {@code from} inclusive, {@code until} exclusive. */
    public record Filter(UUID person, String facility, AccessBasis basis, Instant from, Instant until, int page,
            int size) {

        /** How many entries to skip. */
        public long offset() {
            return (long) page * size;
        }
    }

    /** The auditor's query; fails with every malformed parameter named. */
    public static Filter audit(String person, String facility, String basis, String from, String to, String page,
            String size) {
        List<FieldError> errors = new ArrayList<>();
        Filter filter = new Filter(person(person, errors), facility(facility, errors), basis(basis, errors),
                start(from, errors), end(to, errors), number("page", page, 0, 0, MAX_PAGE, errors),
                number("size", size, DEFAULT_SIZE, 1, MAX_SIZE, errors));
        return checked(filter, errors);
    }

    /** A patient's query of their own log (the person comes from the token, never from a parameter). */
    public static Filter own(UUID person, String from, String to, String page, String size) {
        List<FieldError> errors = new ArrayList<>();
        Filter filter = new Filter(person, null, null, start(from, errors), end(to, errors),
                number("page", page, 0, 0, MAX_PAGE, errors), number("size", size, DEFAULT_SIZE, 1, MAX_SIZE, errors));
        return checked(filter, errors);
    }

    private static Filter checked(Filter filter, List<FieldError> errors) {
        if (errors.isEmpty() && filter.from() != null && filter.until() != null
                && !filter.from().isBefore(filter.until())) {
            errors.add(new FieldError("from", "must not be after to"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.validation(errors));
        }
        return filter;
    }

    private static UUID person(String value, List<FieldError> errors) {
        if (absent(value)) {
            return null;
        }
        try {
            UUID id = UUID.fromString(value);
            if (id.toString().equals(value.toLowerCase(Locale.ROOT))) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        errors.add(new FieldError("person", "must be a person id (UUID)"));
        return null;
    }

    private static String facility(String value, List<FieldError> errors) {
        if (absent(value)) {
            return null;
        }
        if (!FacilityCode.isValid(value)) {
            errors.add(new FieldError("facility", "must be a facility code: 10 digits with a valid check digit"));
            return null;
        }
        return value;
    }

    private static AccessBasis basis(String value, List<FieldError> errors) {
        if (absent(value)) {
            return null;
        }
        for (AccessBasis basis : AccessBasis.values()) {
            if (basis.name().equals(value)) {
                return basis;
            }
        }
        errors.add(new FieldError("basis", "must be one of CONSENT, EMERGENCY, DISASTER"));
        return null;
    }

    /** The first instant of the period: the instant given, or the start of the day in Japan. */
    private static Instant start(String value, List<FieldError> errors) {
        return absent(value) ? null : moment("from", value, false, errors);
    }

    /** The first instant after the period: just after the instant given, or the start of the next day in Japan. */
    private static Instant end(String value, List<FieldError> errors) {
        return absent(value) ? null : moment("to", value, true, errors);
    }

    private static Instant moment(String field, String value, boolean end, List<FieldError> errors) {
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                if (day.getYear() >= 1900 && day.getYear() <= 2199) {
                    return (end ? day.plusDays(1) : day).atStartOfDay(CalendarDates.JAPAN).toInstant();
                }
            } else {
                Instant instant = OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.MICROS);
                return end ? instant.plus(1, ChronoUnit.MICROS) : instant;
            }
        } catch (DateTimeException e) {
            // refused below
        }
        errors.add(new FieldError(field, "must be a day yyyy-MM-dd (1900-2199, Japan) or an RFC 3339 instant"));
        return null;
    }

    private static int number(String field, String value, int absent, int min, int max, List<FieldError> errors) {
        if (absent(value)) {
            return absent;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        errors.add(new FieldError(field, "must be a whole number from " + min + " to " + max));
        return absent;
    }

    private static boolean absent(String value) {
        return value == null || value.isEmpty();
    }
}
