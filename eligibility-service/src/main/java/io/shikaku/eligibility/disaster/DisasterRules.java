package io.shikaku.eligibility.disaster;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.shikaku.contract.DomainRule;
import io.shikaku.contract.Problem.FieldError;

/**
 * What a disaster declaration must hold and when it is in force (DOMAIN.md §8): a named region of prefectures (JIS X
 * 0401 codes 01–47, each once) and a period of Japan's calendar days, {@code from} to {@code until} inclusive, in force
 * from 00:00 in Japan on {@code from} until 24:00 on {@code until}, or until it was ended early.
 */
@DomainRule
public final class DisasterRules {

    /** The longest name accepted. */
    public static final int MAX_NAME = 200;

    private static final Pattern PREFECTURE = Pattern.compile("0[1-9]|[1-3][0-9]|4[0-7]");

    private DisasterRules() {
    }

    /** Every reason the declaration cannot be accepted, by field; empty when it can. */
    public static List<FieldError> problems(DisasterRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.name() == null || request.name().isBlank()) {
            errors.add(new FieldError("name", "is required"));
        } else if (request.name().length() > MAX_NAME) {
            errors.add(new FieldError("name", "must be at most " + MAX_NAME + " characters"));
        }
        if (request.prefectures() == null || request.prefectures().isEmpty()) {
            errors.add(new FieldError("prefectures", "must name at least one prefecture"));
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < request.prefectures().size(); i++) {
                String prefecture = request.prefectures().get(i);
                if (prefecture == null || !PREFECTURE.matcher(prefecture).matches()) {
                    errors.add(new FieldError("prefectures[" + i + "]", "must be a prefecture code 01 to 47"));
                } else if (!seen.add(prefecture)) {
                    errors.add(new FieldError("prefectures[" + i + "]", "names a prefecture already given"));
                }
            }
        }
        if (request.from() == null) {
            errors.add(new FieldError("from", "is required"));
        }
        if (request.until() == null) {
            errors.add(new FieldError("until", "is required"));
        }
        if (request.from() != null && request.until() != null && request.until().isBefore(request.from())) {
            errors.add(new FieldError("until", "must not be before from"));
        }
        return errors;
    }

    /** The instant a period starting on {@code from} begins: 00:00 that day in {@code zone}. */
    public static Instant startsAt(LocalDate from, ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The instant a period whose last day is {@code until} ends: 00:00 the next day in {@code zone}. */
    public static Instant endsAt(LocalDate until, ZoneId zone) {
        return until.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** Whether a disaster in force from {@code startsAt} until before {@code endsAt} covers {@code now}. */
    public static boolean inForce(Instant startsAt, Instant endsAt, Instant now) {
        return !now.isBefore(startsAt) && now.isBefore(endsAt);
    }
}
