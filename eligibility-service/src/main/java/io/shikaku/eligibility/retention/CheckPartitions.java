package io.shikaku.eligibility.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.shikaku.contract.DomainRule;

/**
 * Which month's partition of {@code eligibility_check} a check belongs to, its name and bounds, and when a whole month
 * has outlived the retention of checks as evidence for claims (DOMAIN.md §4). Months are Japan's (Asia/Tokyo, +09:00
 * all year, no daylight saving): claims are made per month of treatment in Japan, so a check at 00:30 on the 1st in
 * Japan (15:30 UTC the day before) belongs to the new month. Migration V50 computes the same bounds.
 */
@DomainRule
public final class CheckPartitions {

    /** The zone whose midnights bound the months. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

    /** The parent table; every partition is named after it. */
    public static final String TABLE = "eligibility_check";

    /** Where rows of a month with no partition land until the job creates it. */
    public static final String DEFAULT_PARTITION = TABLE + "_default";

    private static final ZoneOffset JAPAN = ZoneOffset.ofHours(9);
    private static final Pattern NAME = Pattern.compile(TABLE + "_(\\d{4})_(\\d{2})");

    private CheckPartitions() {
    }

    /** The month (in Japan) of an instant. */
    public static YearMonth monthOf(Instant instant) {
        return YearMonth.from(instant.atZone(ZONE));
    }

    /** The partition's name: {@code eligibility_check_2026_11}. */
    public static String name(YearMonth month) {
        return String.format("%s_%04d_%02d", TABLE, month.getYear(), month.getMonthValue());
    }

    /** The month a partition holds, when the name is one of ours (not the DEFAULT partition, not a stranger). */
    public static Optional<YearMonth> monthOfName(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        int month = Integer.parseInt(m.group(2));
        return month >= 1 && month <= 12
                ? Optional.of(YearMonth.of(Integer.parseInt(m.group(1)), month))
                : Optional.empty();
    }

    /** The first instant of the month: midnight on the 1st in Japan (inclusive lower bound). */
    public static OffsetDateTime from(YearMonth month) {
        return month.atDay(1).atStartOfDay().atOffset(JAPAN);
    }

    /** The first instant of the next month (exclusive upper bound). */
    public static OffsetDateTime to(YearMonth month) {
        return from(month.plusMonths(1));
    }

    /** A bound as a PostgreSQL {@code timestamptz} literal's text: {@code 2026-11-01 00:00:00+09}. */
    public static String literal(OffsetDateTime bound) {
        LocalDate day = bound.toLocalDate();
        return String.format("%04d-%02d-%02d 00:00:00+09", day.getYear(), day.getMonthValue(), day.getDayOfMonth());
    }

    /** The months that must have a partition now: this month (in Japan) and {@code monthsAhead} after it. */
    public static List<YearMonth> wanted(Instant now, int monthsAhead) {
        if (monthsAhead < 0) {
            throw new IllegalArgumentException("monthsAhead must not be negative");
        }
        YearMonth current = monthOf(now);
        List<YearMonth> months = new ArrayList<>(monthsAhead + 1);
        for (int i = 0; i <= monthsAhead; i++) {
            months.add(current.plusMonths(i));
        }
        return months;
    }

    /**
     * Whether every check a month may hold is older than the retention: its end lies on or before now minus the
     * retention (in Japan). So a check is kept at least the retention, and at most the retention and one month.
     */
    public static boolean expired(YearMonth month, Instant now, Period retention) {
        OffsetDateTime cutoff = now.atZone(ZONE).minus(retention).toOffsetDateTime();
        return !to(month).isAfter(cutoff);
    }
}
