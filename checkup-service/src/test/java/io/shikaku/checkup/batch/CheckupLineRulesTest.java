package io.shikaku.checkup.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.shikaku.checkup.batch.CheckupBatches.CheckupRecord;
import io.shikaku.checkup.batch.CheckupLineRules.Judgement;
import io.shikaku.checkup.metabolic.MetabolicSyndrome;

/** What makes a checkup line well-formed (DOMAIN.md §7): units, plausible values, JLAC10 codes, dates, BMI. */
class CheckupLineRulesTest {

    private static final String INSURER = "06130017";
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @Test
    void aCompleteLineIsValidWithItsJudgementAndTheDefaultCodeOfEachItem() {
        Judgement j = judge(items());
        assertTrue(j.valid());
        assertEquals(MetabolicSyndrome.NOT_APPLICABLE, j.line().metabolicSyndrome());
        assertEquals("9N016160100000001", j.line().items().get("waistCm").code());
        assertEquals("cm", j.line().items().get("waistCm").unit());
    }

    @Test
    void bmiIsComputedFromHeightAndWeightToOneDecimalHalfUpWhenAbsentAndKeptAsGivenOtherwise() {
        assertEquals(new BigDecimal("24.2"), CheckupLineRules.bmi(new BigDecimal("170.0"), new BigDecimal("70.0")));
        // 90.1 / 2.0² = 22.525 and 90.2 / 2.0² = 22.55 exactly: the half goes up.
        assertEquals(new BigDecimal("22.5"), CheckupLineRules.bmi(new BigDecimal("200"), new BigDecimal("90.1")));
        assertEquals(new BigDecimal("22.6"), CheckupLineRules.bmi(new BigDecimal("200"), new BigDecimal("90.2")));
        Judgement computed = judge(items());
        assertEquals(new BigDecimal("24.2"), computed.line().items().get("bmi").value());
        assertTrue(computed.line().items().get("bmi").computed());
        Map<String, Object> given = items();
        given.put("bmi", 25.0);
        Judgement kept = judge(given);
        assertEquals(new BigDecimal("25.0"), kept.line().items().get("bmi").value());
        assertFalse(kept.line().items().get("bmi").computed());
        Map<String, Object> noHeight = items();
        noHeight.remove("heightCm");
        assertFalse(judge(noHeight).line().items().containsKey("bmi"));
    }

    @ParameterizedTest(name = "waist {0} cm: {1}")
    @CsvSource({"39.9, IMPLAUSIBLE_VALUE", "40, ", "250, ", "250.1, IMPLAUSIBLE_VALUE", "90.55, IMPLAUSIBLE_VALUE"})
    void valuesOutsideTheItemsPlausibleRangeOrFormatAreRejected(String waist, String code) {
        Map<String, Object> items = items();
        items.put("waistCm", new BigDecimal(waist));
        assertEquals(code, codeOf(judge(items)));
    }

    @Test
    void aValueWithTheItemsUnitAndOneOfItsCodesIsKeptWithThatCode() {
        Map<String, Object> items = items();
        items.put("hba1c", Map.of("value", 6.1, "unit", "%", "code", "3D046000001920402"));
        Judgement j = judge(items);
        assertEquals("3D046000001920402", j.line().items().get("hba1c").code());
        items.put("hba1c", Map.of("value", 6.1, "code", "3D010000001926101"));
        assertEquals("UNKNOWN_JLAC10_CODE", codeOf(judge(items)));
        items.put("hba1c", Map.of("value", 43, "unit", "mmol/mol"));
        assertEquals("UNIT_MISMATCH", codeOf(judge(items)));
        items.put("hba1c", Map.of("value", 6.1, "note", "x"));
        assertEquals("INVALID_FIELD", codeOf(judge(items)));
        items.put("hba1c", "6.1");
        assertEquals("INVALID_FIELD", codeOf(judge(items)));
    }

    @Test
    void urineTestsAreGradesNotNumbers() {
        Map<String, Object> items = items();
        items.put("urineProtein", "TWO_PLUS");
        assertEquals("TWO_PLUS", judge(items).line().items().get("urineProtein").grade());
        items.put("urineProtein", 2);
        assertEquals("INVALID_FIELD", codeOf(judge(items)));
    }

    @Test
    void hba1cStandsInForAFastingGlucoseAndWithoutEitherTheLineIsIncomplete() {
        Map<String, Object> items = items();
        items.remove("fastingGlucose");
        items.put("hba1c", 6.0);
        Judgement j = judge(items);
        assertTrue(j.valid());
        assertEquals(MetabolicSyndrome.PRE_METABOLIC, j.line().metabolicSyndrome());
        items.remove("hba1c");
        assertEquals("MISSING_ITEM", codeOf(judge(items)));
    }

    @Test
    void aDiastolicPressureNotBelowTheSystolicIsImplausible() {
        Map<String, Object> items = items();
        items.put("diastolic", 118);
        assertEquals("IMPLAUSIBLE_VALUE", codeOf(judge(items)));
    }

    @ParameterizedTest(name = "examined {0} days before today: {1}")
    @CsvSource({"-1, INVALID_DATES", "0, ", "1826, ", "1827, INVALID_DATES"})
    void anExaminationIsNeitherInTheFutureNorBeyondTheFiveYearRetention(int daysAgo, String code) {
        // 2021-11-22 is five years before 2026-11-22: 1826 days with one leap day (2024-02-29) between.
        LocalDate examined = TODAY.minusDays(daysAgo);
        assertEquals(code, codeOf(CheckupLineRules.judge(new CheckupRecord(null, "1", "2", "00", "MALE",
                examined.toString(), items()), INSURER, TODAY)));
    }

    @Test
    void anotherInsurersNumberOnALineIsRejected() {
        Judgement j = CheckupLineRules.judge(new CheckupRecord("33120015", "1", "2", "00", "MALE", "2026-10-01",
                items()), INSURER, TODAY);
        assertEquals("insurerNumber: must be the batch's insurer number", j.message());
    }

    @Test
    void cardNumbersAreComparedAfterNfkcWithoutSpaces() {
        Judgement j = CheckupLineRules.judge(new CheckupRecord(null, "１２ 3", " ４５６", "00", "FEMALE",
                "2026-10-01", items()), INSURER, TODAY);
        assertEquals("123", j.line().symbolKey());
        assertEquals("456", j.line().numberKey());
    }

    private static Judgement judge(Map<String, Object> items) {
        return CheckupLineRules.judge(new CheckupRecord(INSURER, "1", "2", "00", "MALE", "2026-10-01", items),
                INSURER, TODAY);
    }

    private static String codeOf(Judgement j) {
        return j.valid() ? null : j.code().name();
    }

    private static Map<String, Object> items() {
        Map<String, Object> items = new LinkedHashMap<>();
        items.put("heightCm", 170.0);
        items.put("weightKg", 70.0);
        items.put("waistCm", 85.0);
        items.put("systolic", 118);
        items.put("diastolic", 76);
        items.put("triglycerides", 120);
        items.put("hdl", 55);
        items.put("fastingGlucose", 95);
        return items;
    }
}
