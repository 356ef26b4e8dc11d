package io.shikaku.eligibility.member;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import java.util.regex.Pattern;

import io.shikaku.contract.DomainRule;

/**
 * The high-cost care ceiling category (限度額適用区分, DOMAIN.md §4) fits the person's age on the later of the
 * qualification's start and the day the line was submitted: A01–A06 under 70, B01–B10 from the 70th birthday on, so
 * that an insurer can move a member who has turned 70 to a B category without inventing a new validFrom.
 */
@DomainRule
public final class LimitCategories {

    static final int ELDERLY_AGE = 70;
    private static final String ON = " on the later of validFrom and the submission day";
    private static final Pattern UNDER_70 = Pattern.compile("A0[1-6]");
    private static final Pattern FROM_70 = Pattern.compile("B(0[1-9]|10)");

    private LimitCategories() {
    }

    /** The day the age is judged on: the later of {@code validFrom} and {@code submittedOn}. */
    public static LocalDate judgedOn(LocalDate validFrom, LocalDate submittedOn) {
        return submittedOn.isAfter(validFrom) ? submittedOn : validFrom;
    }

    /** Whether the person is 70 or over on {@code on} (the 70th birthday included). */
    public static boolean elderly(LocalDate birthDate, LocalDate on) {
        return Period.between(birthDate, on).getYears() >= ELDERLY_AGE;
    }

    /** What is wrong with {@code category} for a person born on {@code birthDate} on {@code on}, if anything. */
    public static Optional<String> problem(String category, LocalDate birthDate, LocalDate on) {
        boolean known = UNDER_70.matcher(category).matches() || FROM_70.matcher(category).matches();
        if (!known) {
            return Optional.of("must be one of A01–A06 or B01–B10");
        }
        if (elderly(birthDate, on)) {
            return FROM_70.matcher(category).matches()
                    ? Optional.empty()
                    : Optional.of("must be one of B01–B10 for a person 70 or over" + ON);
        }
        return UNDER_70.matcher(category).matches()
                ? Optional.empty()
                : Optional.of("must be one of A01–A06 for a person under 70" + ON);
    }
}
