package io.shikaku.eligibility.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class LimitCategoriesTest {

    private static final LocalDate BORN = LocalDate.of(1956, 4, 2);
    private static final LocalDate DAY_BEFORE_70 = LocalDate.of(2026, 4, 1);
    private static final LocalDate SEVENTIETH_BIRTHDAY = LocalDate.of(2026, 4, 2);

    @Test
    void thePersonIsElderlyFromTheSeventiethBirthdayOn() {
        assertFalse(LimitCategories.elderly(BORN, DAY_BEFORE_70));
        assertTrue(LimitCategories.elderly(BORN, SEVENTIETH_BIRTHDAY));
    }

    @Test
    void theDayBeforeTheSeventiethBirthdayTakesAnACategoryOnly() {
        assertEquals(Optional.empty(), LimitCategories.problem("A01", BORN, DAY_BEFORE_70));
        assertEquals(Optional.empty(), LimitCategories.problem("A06", BORN, DAY_BEFORE_70));
        assertEquals(Optional
                .of("must be one of A01–A06 for a person under 70 on the later of validFrom and the submission day"),
                LimitCategories.problem("B01", BORN, DAY_BEFORE_70));
    }

    @Test
    void onTheSeventiethBirthdayOnlyBCategoriesFit() {
        assertEquals(Optional.empty(), LimitCategories.problem("B01", BORN, SEVENTIETH_BIRTHDAY));
        assertEquals(Optional.empty(), LimitCategories.problem("B10", BORN, SEVENTIETH_BIRTHDAY));
        assertEquals(Optional
                .of("must be one of B01–B10 for a person 70 or over on the later of validFrom and the submission day"),
                LimitCategories.problem("A03", BORN, SEVENTIETH_BIRTHDAY));
    }

    @Test
    void theAgeIsJudgedOnTheLaterOfValidFromAndTheSubmissionDay() {
        LocalDate validFrom = LocalDate.of(2020, 4, 1);
        assertEquals(SEVENTIETH_BIRTHDAY, LimitCategories.judgedOn(validFrom, SEVENTIETH_BIRTHDAY));
        assertEquals(DAY_BEFORE_70, LimitCategories.judgedOn(validFrom, DAY_BEFORE_70));
        assertEquals(SEVENTIETH_BIRTHDAY, LimitCategories.judgedOn(SEVENTIETH_BIRTHDAY, validFrom),
                "a validFrom in the future is the day judged");
        assertEquals(Optional.empty(),
                LimitCategories.problem("B01", BORN, LimitCategories.judgedOn(validFrom, SEVENTIETH_BIRTHDAY)));
        assertTrue(LimitCategories.problem("B01", BORN, LimitCategories.judgedOn(validFrom, DAY_BEFORE_70))
                .isPresent());
    }

    @Test
    void aCodeOutsideBothRangesIsUnknownAtAnyAge() {
        for (String code : new String[] {"A00", "A07", "B00", "B11", "C01", "a01", ""}) {
            assertEquals(Optional.of("must be one of A01–A06 or B01–B10"),
                    LimitCategories.problem(code, BORN, DAY_BEFORE_70), code);
        }
    }

    @Test
    void aLeapDayBirthdayTurnsSeventyOnTheFirstOfMarchInACommonYear() {
        LocalDate leap = LocalDate.of(1956, 2, 29);
        assertFalse(LimitCategories.elderly(leap, LocalDate.of(2026, 2, 28)));
        assertTrue(LimitCategories.elderly(leap, LocalDate.of(2026, 3, 1)));
    }
}
