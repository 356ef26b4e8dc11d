package io.shikaku.medication.dispensing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.shikaku.medication.dispensing.DispensingBatches.DispensingRecord;
import io.shikaku.medication.dispensing.DispensingLineRules.Code;
import io.shikaku.medication.dispensing.DispensingLineRules.Judgement;

class DispensingLineRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private static DispensingRecord record(String dispensedOn, String prescribedOn, String drugCode, Object quantity,
            Object days) {
        return new DispensingRecord("06130017", "1234", "5678", "00", dispensedOn, prescribedOn, drugCode, "ロキソニン錠60mg",
                "ロキソプロフェンナトリウム水和物", quantity, "錠", "1日3回毎食後", days, "OUTPATIENT", "1340123452", "0110113719");
    }

    @Test
    void aCompleteRecordIsValid() {
        Judgement j = DispensingLineRules.judge(record("2026-11-22", "2026-11-20", "1149019F1560", 21, 7), TODAY);
        assertTrue(j.valid());
        assertEquals(7, j.line().days());
    }

    @Test
    void daysSuppliedRunFromOneToThreeHundredSixtyFive() {
        assertTrue(DispensingLineRules.judge(record("2026-11-01", "2026-11-01", "1149019F1560", 1, 1), TODAY).valid());
        assertTrue(DispensingLineRules.judge(record("2026-11-01", "2026-11-01", "1149019F1560", 1, 365), TODAY)
                .valid());
        assertRejected(record("2026-11-01", "2026-11-01", "1149019F1560", 1, 0), Code.INVALID_FIELD, "days");
        assertRejected(record("2026-11-01", "2026-11-01", "1149019F1560", 1, 366), Code.INVALID_FIELD, "days");
        assertRejected(record("2026-11-01", "2026-11-01", "1149019F1560", 1, 7.5), Code.INVALID_FIELD, "days");
        assertRejected(record("2026-11-01", "2026-11-01", "1149019F1560", 1, "7"), Code.INVALID_FIELD, "days");
    }

    @Test
    void aDispensingTodayIsAcceptedAndTomorrowIsInTheFuture() {
        assertRejected(record("2026-11-23", "2026-11-22", "1149019F1560", 1, 7), Code.INVALID_DATES, "dispensedOn");
        assertRejected(record("2026-11-21", "2026-11-22", "1149019F1560", 1, 7), Code.INVALID_DATES,
                "prescribedOn");
        assertRejected(record("2026-02-30", "2026-02-01", "1149019F1560", 1, 7), Code.INVALID_FIELD, "dispensedOn");
    }

    @Test
    void quantitiesArePositiveWithAtMostThreeDecimals() {
        assertTrue(DispensingLineRules.judge(record("2026-11-01", "2026-11-01", "1149019F1560", 0.125, 7), TODAY)
                .valid());
        assertRejected(record("2026-11-01", "2026-11-01", "1149019F1560", 0, 7), Code.INVALID_FIELD, "quantity");
        assertRejected(record("2026-11-01", "2026-11-01", "1149019F1560", 0.0001, 7), Code.INVALID_FIELD, "quantity");
        assertRejected(record("2026-11-01", "2026-11-01", "1149019F1560", -1, 7), Code.INVALID_FIELD, "quantity");
    }

    @Test
    void drugCodesAreNationalDrugPriceCodes() {
        assertRejected(record("2026-11-01", "2026-11-01", "1149019f1560", 1, 7), Code.INVALID_FIELD, "drugCode");
        assertRejected(record("2026-11-01", "2026-11-01", "620000001", 1, 7), Code.INVALID_FIELD, "drugCode");
        assertTrue(DispensingLineRules.judge(record("2026-11-01", "2026-11-01", "6250002D1ABC", 1, 7), TODAY)
                .valid() == false);
        assertTrue(DispensingLineRules.judge(record("2026-11-01", "2026-11-01", "6250002D1AB4", 1, 7), TODAY)
                .valid());
    }

    private static void assertRejected(DispensingRecord record, Code code, String field) {
        Judgement j = DispensingLineRules.judge(record, TODAY);
        assertEquals(code, j.code(), j.message());
        assertTrue(j.message().startsWith(field + ": "), j.message());
    }
}
