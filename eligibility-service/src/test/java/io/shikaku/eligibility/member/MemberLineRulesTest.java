package io.shikaku.eligibility.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.shikaku.common.json.CalendarDates;
import io.shikaku.eligibility.member.MemberBatches.MemberRecord;
import io.shikaku.eligibility.member.MemberLineRules.Judgement;
import io.shikaku.eligibility.member.MemberLineRules.Op;

class MemberLineRulesTest {

    private static final String MY_NUMBER = "123456789018";
    private static final LocalDate SUBMITTED = LocalDate.of(2020, 5, 1);

    private static Judgement judge(MemberRecord record) {
        return MemberLineRules.judge(record, SUBMITTED);
    }

    private static MemberRecord upsert(String myNumber, String sex, String birthDate, String branch,
            String relationship, String validFrom, String validUntil, Object rate, String limitCategory) {
        return new MemberRecord("UPSERT", myNumber, "山田 太郎", "ヤマダ タロウ", sex, birthDate, "東京都千代田区霞が関1-2-2",
                "12", "3456", branch, relationship, validFrom, validUntil, rate, limitCategory);
    }

    private static MemberRecord valid() {
        return upsert(MY_NUMBER, "MALE", "1980-04-01", "00", "INSURED", "2020-04-01", null, 30, "A03");
    }

    private static void rejected(MemberRecord record, LineCode code, String message) {
        Judgement judgement = judge(record);
        assertFalse(judgement.valid());
        assertEquals(code, judgement.code());
        assertEquals(message, judgement.message());
    }

    @Test
    void aCompleteUpsertIsValidWithTypedValues() {
        Judgement judgement = judge(valid());
        assertTrue(judgement.valid());
        assertEquals(Op.UPSERT, judgement.line().op());
        assertEquals(LocalDate.of(1980, 4, 1), judgement.line().birthDate());
        assertEquals(30, judgement.line().copaymentRate());
        assertNull(judgement.code());
    }

    @Test
    void aBadCheckDigitIsAnInvalidMyNumberWithoutQuotingIt() {
        rejected(upsert("123456789019", "MALE", "1980-04-01", "00", "INSURED", "2020-04-01", null, 30, null),
                LineCode.INVALID_MY_NUMBER, "myNumber: must be 12 digits with a correct check digit");
        rejected(upsert("12345678901", "MALE", "1980-04-01", "00", "INSURED", "2020-04-01", null, 30, null),
                LineCode.INVALID_MY_NUMBER, "myNumber: must be 12 digits with a correct check digit");
    }

    @Test
    void datesOutOfOrderAreInvalidDates() {
        rejected(upsert(MY_NUMBER, "MALE", "2021-04-01", "00", "INSURED", "2020-04-01", null, 30, null),
                LineCode.INVALID_DATES, "birthDate: must not be after validFrom");
        rejected(upsert(MY_NUMBER, "MALE", "1980-04-01", "00", "INSURED", "2020-04-01", "2020-03-31", 30, null),
                LineCode.INVALID_DATES, "validUntil: must not be before validFrom");
        assertTrue(judge(
                upsert(MY_NUMBER, "MALE", "1980-04-01", "00", "INSURED", "2020-04-01", "2020-04-01", 30, null))
                .valid(), "a one-day qualification is in order");
    }

    @Test
    void aMalformedDateIsAnInvalidFieldNamingIt() {
        rejected(upsert(MY_NUMBER, "MALE", "1980-02-30", "00", "INSURED", "2020-04-01", null, 30, null),
                LineCode.INVALID_FIELD, "birthDate: must be a date yyyy-MM-dd between 1900-01-01 and 2199-12-31");
    }

    @Test
    void datesFollowTheApisCalendarRuleFrom1900To2199() {
        rejected(upsert(MY_NUMBER, "MALE", "1899-12-31", "00", "INSURED", "2020-04-01", null, 30, null),
                LineCode.INVALID_FIELD, "birthDate: " + CalendarDates.RULE);
        rejected(upsert(MY_NUMBER, "MALE", "1980-04-01", "00", "INSURED", "2020-04-01", "2200-01-01", 30, null),
                LineCode.INVALID_FIELD, "validUntil: " + CalendarDates.RULE);
        rejected(upsert(MY_NUMBER, "MALE", "1980-4-1", "00", "INSURED", "2020-04-01", null, 30, null),
                LineCode.INVALID_FIELD, "birthDate: " + CalendarDates.RULE);
        assertTrue(judge(upsert(MY_NUMBER, "MALE", "1900-01-01", "00", "INSURED", "2020-04-01", "2199-12-31", 30,
                null)).valid());
    }

    @Test
    void onlyTenTwentyOrThirtyPercentAreCopaymentRates() {
        rejected(upsert(MY_NUMBER, "MALE", "1980-04-01", "00", "INSURED", "2020-04-01", null, 40, null),
                LineCode.INVALID_FIELD, "copaymentRate: must be 10, 20 or 30");
        rejected(upsert(MY_NUMBER, "MALE", "1980-04-01", "00", "INSURED", "2020-04-01", null, "thirty", null),
                LineCode.INVALID_FIELD, "copaymentRate: must be 10, 20 or 30");
        rejected(upsert(MY_NUMBER, "MALE", "1980-04-01", "00", "INSURED", "2020-04-01", null, null, null),
                LineCode.INVALID_FIELD, "copaymentRate: is required");
        assertEquals(20, judge(
                upsert(MY_NUMBER, "MALE", "1980-04-01", "00", "INSURED", "2020-04-01", null, "20", null)).line()
                .copaymentRate());
    }

    @Test
    void sexRelationshipAndBranchMustBeKnownValues() {
        rejected(upsert(MY_NUMBER, "M", "1980-04-01", "00", "INSURED", "2020-04-01", null, 30, null),
                LineCode.INVALID_FIELD, "sex: must be MALE or FEMALE");
        rejected(upsert(MY_NUMBER, "MALE", "1980-04-01", "00", "SPOUSE", "2020-04-01", null, 30, null),
                LineCode.INVALID_FIELD, "relationship: must be INSURED or DEPENDANT");
        rejected(upsert(MY_NUMBER, "MALE", "1980-04-01", "1", "INSURED", "2020-04-01", null, 30, null),
                LineCode.INVALID_FIELD, "branch: must be two digits");
    }

    @Test
    void aSymbolOrNumberLongerThanFortyCharactersIsInvalid() {
        String long41 = "1".repeat(41);
        rejected(new MemberRecord("END", null, null, null, null, null, null, long41, "1", "00", null, null,
                "2024-03-31", null, null), LineCode.INVALID_FIELD, "symbol: must be at most 40 characters");
        rejected(new MemberRecord("END", null, null, null, null, null, null, "1", long41, "00", null, null,
                "2024-03-31", null, null), LineCode.INVALID_FIELD, "number: must be at most 40 characters");
    }

    @Test
    void anEndNeedsOnlyTheIndividualInsuredNumberAndItsEndDate() {
        Judgement end = judge(new MemberRecord("END", null, null, null, null, null, null, null, "3456",
                "01", null, null, "2024-03-31", null, null));
        assertTrue(end.valid());
        assertEquals("", end.line().symbol());
        rejected(new MemberRecord("END", null, null, null, null, null, null, "12", "3456", "01", null, null, null,
                null, null), LineCode.INVALID_FIELD, "validUntil: is required");
    }

    @Test
    void anUpsertNeedsItsPersonAndPeriodAndAnAddressWhenItLinksAMyNumber() {
        rejected(new MemberRecord("UPSERT", null, null, "カナ", "MALE", "1980-04-01", null, "1", "2", "00", "INSURED",
                "2020-04-01", null, 30, null), LineCode.INVALID_FIELD, "name: is required");
        rejected(new MemberRecord("UPSERT", MY_NUMBER, "名前", "カナ", "MALE", "1980-04-01", " ", "1", "2", "00",
                "INSURED", "2020-04-01", null, 30, null), LineCode.INVALID_FIELD, "address: is required");
        assertTrue(judge(new MemberRecord("UPSERT", null, "名前", "カナ", "MALE", "1980-04-01", null, "1",
                "2", "00", "INSURED", "2020-04-01", null, 30, null)).valid(), "no address needed without My Number");
    }

    @Test
    void anUnknownOperationOrAMissingRecordIsAnInvalidField() {
        rejected(new MemberRecord("DELETE", null, null, null, null, null, null, null, "1", "00", null, null, null,
                null, null), LineCode.INVALID_FIELD, "op: must be UPSERT or END");
        rejected(null, LineCode.INVALID_FIELD, "record: must be an object");
    }

    @Test
    void theCeilingCategoryMustFitTheAgeOnValidFrom() {
        rejected(upsert(MY_NUMBER, "MALE", "1950-04-01", "00", "INSURED", "2020-04-01", null, 20, "A01"),
                LineCode.INVALID_FIELD,
                "limitCategory: must be one of B01–B10 for a person 70 or over on the later of validFrom and the"
                        + " submission day");
        assertTrue(judge(
                upsert(MY_NUMBER, "MALE", "1950-04-01", "00", "INSURED", "2020-04-01", null, 20, "B02")).valid());
    }

    @Test
    void aPersonWhoTurnedSeventyAfterValidFromTakesABCategoryWhenSubmittedFromTheSeventiethBirthdayOn() {
        MemberRecord b = upsert(MY_NUMBER, "MALE", "1956-04-02", "00", "INSURED", "2020-04-01", null, 20, "B01");
        MemberRecord a = upsert(MY_NUMBER, "MALE", "1956-04-02", "00", "INSURED", "2020-04-01", null, 20, "A01");
        assertTrue(MemberLineRules.judge(b, LocalDate.of(2026, 4, 2)).valid(), "submitted on the 70th birthday");
        assertFalse(MemberLineRules.judge(a, LocalDate.of(2026, 4, 2)).valid());
        assertTrue(MemberLineRules.judge(a, LocalDate.of(2026, 4, 1)).valid(), "submitted the day before");
        assertFalse(MemberLineRules.judge(b, LocalDate.of(2026, 4, 1)).valid());
    }
}
