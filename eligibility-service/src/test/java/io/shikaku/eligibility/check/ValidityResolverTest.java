package io.shikaku.eligibility.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.shikaku.eligibility.check.ValidityResolver.Resolution;
import io.shikaku.eligibility.qualification.Person;
import io.shikaku.eligibility.qualification.Qualification;

class ValidityResolverTest {

    private static final LocalDate VISIT = LocalDate.of(2026, 11, 21);
    private final Person taro = person();

    @Test
    void aCardsPersonWithAQualificationInForceIsValidWithTheOneThatStartedLast() {
        Qualification old = qualification(taro, "2015-04-01", null);
        Qualification newer = qualification(taro, "2022-04-01", null);
        Qualification ended = qualification(taro, "2000-04-01", "2015-03-31");
        Resolution r = ValidityResolver.resolveForPerson(taro.id, List.of(old, ended, newer), VISIT);
        assertEquals(Validity.VALID, r.validity());
        assertSame(newer, r.qualification());
        assertEquals(taro.id, r.personId());
    }

    @Test
    void aCardsPersonWithNothingInForceIsInvalidShowingTheLatestAndNeverNewerExists() {
        Qualification ended = qualification(taro, "2000-04-01", "2020-03-31");
        Qualification future = qualification(taro, "2027-04-01", null);
        Resolution r = ValidityResolver.resolveForPerson(taro.id, List.of(ended, future), VISIT);
        assertEquals(Validity.INVALID, r.validity());
        assertSame(future, r.qualification());
        assertEquals(taro.id, r.personId());
    }

    @Test
    void aCardsPersonWithoutAnyQualificationIsNotFound() {
        Resolution r = ValidityResolver.resolveForPerson(taro.id, List.of(), VISIT);
        assertEquals(Validity.NOT_FOUND, r.validity());
        assertNull(r.qualification());
        assertNull(r.personId());
    }

    @Test
    void nothingMatchedIsNotFound() {
        Resolution r = ValidityResolver.resolve(List.of(), List.of(), VISIT);
        assertEquals(Validity.NOT_FOUND, r.validity());
        assertNull(r.qualification());
        assertNull(r.personId());
    }

    @Test
    void twoPersonsUnderTheSameNumbersAreMultipleMatchesAndDiscloseNobody() {
        Qualification a = qualification(person(), "2013-04-01", null);
        Qualification b = qualification(person(), "2013-04-01", null);
        Resolution r = ValidityResolver.resolve(List.of(a, b), List.of(), VISIT);
        assertEquals(Validity.MULTIPLE_MATCHES, r.validity());
        assertNull(r.qualification());
        assertNull(r.personId());
    }

    @Test
    void inForceOnTheVisitDateIsValidIncludingItsLastDay() {
        Qualification q = qualification(taro, "2015-04-01", "2026-11-21");
        Resolution r = ValidityResolver.resolve(List.of(q), List.of(q), VISIT);
        assertEquals(Validity.VALID, r.validity());
        assertSame(q, r.qualification());
        assertEquals(taro.id, r.personId());
    }

    @Test
    void endedWithNothingNewerIsInvalidAndShowsTheMatchedOne() {
        Qualification q = qualification(taro, "2000-04-01", "2020-03-31");
        Resolution r = ValidityResolver.resolve(List.of(q), List.of(q), VISIT);
        assertEquals(Validity.INVALID, r.validity());
        assertSame(q, r.qualification());
    }

    @Test
    void notYetStartedIsInvalid() {
        Qualification q = qualification(taro, "2027-04-01", null);
        assertEquals(Validity.INVALID, ValidityResolver.resolve(List.of(q), List.of(q), VISIT).validity());
    }

    @Test
    void endedWithANewerQualificationInForceReturnsTheNewerOne() {
        Qualification old = qualification(taro, "2005-04-01", "2022-03-31");
        Qualification older = qualification(taro, "1998-04-01", "2005-03-31");
        Qualification current = qualification(taro, "2022-04-01", null);
        Resolution r = ValidityResolver.resolve(List.of(old), List.of(older, old, current), VISIT);
        assertEquals(Validity.INVALID_NEWER_EXISTS, r.validity());
        assertSame(current, r.qualification());
    }

    @Test
    void aNewerQualificationThatAlsoEndedIsStillNewerInformation() {
        Qualification old = qualification(taro, "2005-04-01", "2022-03-31");
        Qualification later = qualification(taro, "2022-04-01", "2025-03-31");
        Resolution r = ValidityResolver.resolve(List.of(old), List.of(old, later), VISIT);
        assertEquals(Validity.INVALID_NEWER_EXISTS, r.validity());
        assertSame(later, r.qualification());
    }

    @Test
    void anOlderQualificationIsNotNewer() {
        Qualification older = qualification(taro, "1998-04-01", "2005-03-31");
        Qualification ended = qualification(taro, "2005-04-01", "2022-03-31");
        Resolution r = ValidityResolver.resolve(List.of(ended), List.of(older, ended), VISIT);
        assertEquals(Validity.INVALID, r.validity());
        assertSame(ended, r.qualification());
    }

    @Test
    void aCardNotYetInForceIsInvalidEvenWhileTheOlderOneStillIs() {
        Qualification current = qualification(taro, "2015-04-01", "2026-11-30");
        Qualification next = qualification(taro, "2026-12-01", null);
        Resolution r = ValidityResolver.resolve(List.of(next), List.of(current, next), VISIT);
        assertEquals(Validity.INVALID, r.validity());
        assertSame(next, r.qualification());
    }

    @Test
    void anOverlappingOlderQualificationIsNotNewer() {
        Qualification other = qualification(taro, "2010-04-01", null);
        Qualification ended = qualification(taro, "2012-04-01", "2020-03-31");
        Resolution r = ValidityResolver.resolve(List.of(ended), List.of(other, ended), VISIT);
        assertEquals(Validity.INVALID, r.validity());
        assertSame(ended, r.qualification());
    }

    @Test
    void amongNewerQualificationsTheOneInForceWinsOverALaterFutureOne() {
        Qualification old = qualification(taro, "2005-04-01", "2022-03-31");
        Qualification current = qualification(taro, "2022-04-01", "2027-03-31");
        Qualification future = qualification(taro, "2027-04-01", null);
        Resolution r = ValidityResolver.resolve(List.of(old), List.of(old, current, future), VISIT);
        assertEquals(Validity.INVALID_NEWER_EXISTS, r.validity());
        assertSame(current, r.qualification());
    }

    @Test
    void numbersStillOpenAtTheFormerInsurerAreSupersededByANewerQualificationInForce() {
        Qualification former = qualification(taro, "2015-04-01", null);
        Qualification second = qualification(taro, "2026-04-01", null);
        Resolution r = ValidityResolver.resolve(List.of(former), List.of(former, second), VISIT);
        assertEquals(Validity.INVALID_NEWER_EXISTS, r.validity());
        assertSame(second, r.qualification());
    }

    @Test
    void aNewerQualificationNotYetInForceLeavesTheCurrentOneValid() {
        Qualification current = qualification(taro, "2015-04-01", null);
        Qualification next = qualification(taro, "2026-12-01", null);
        Resolution r = ValidityResolver.resolve(List.of(current), List.of(current, next), VISIT);
        assertEquals(Validity.VALID, r.validity());
        assertSame(current, r.qualification());
    }

    @Test
    void theNewerNumbersThemselvesAreValid() {
        Qualification former = qualification(taro, "2015-04-01", null);
        Qualification second = qualification(taro, "2026-04-01", null);
        Resolution r = ValidityResolver.resolve(List.of(second), List.of(former, second), VISIT);
        assertEquals(Validity.VALID, r.validity());
        assertSame(second, r.qualification());
    }

    private static Person person() {
        Person p = new Person();
        p.id = UUID.randomUUID();
        return p;
    }

    private static Qualification qualification(Person person, String from, String until) {
        Qualification q = new Qualification();
        q.id = UUID.randomUUID();
        q.person = person;
        q.validFrom = LocalDate.parse(from);
        q.validUntil = until == null ? null : LocalDate.parse(until);
        return q;
    }
}
