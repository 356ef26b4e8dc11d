package io.shikaku.checkup.metabolic;

import static io.shikaku.checkup.metabolic.MetabolicSyndrome.MEETS_CRITERIA;
import static io.shikaku.checkup.metabolic.MetabolicSyndrome.NOT_APPLICABLE;
import static io.shikaku.checkup.metabolic.MetabolicSyndrome.PRE_METABOLIC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.shikaku.checkup.metabolic.MetabolicJudgement.Measures;

/** The metabolic-syndrome judgement at every boundary of DOMAIN.md §7. */
class MetabolicJudgementTest {

    /** A man with the waist at his threshold and no risk factor: every value just on the healthy side. */
    private static final Measures HEALTHY = new Measures(d("85"), d("149.9"), d("40"), d("129.9"), d("84.9"),
            d("109.9"), d("5.9"));

    @ParameterizedTest(name = "a {0} with a waist of {1} cm and two risk factors: {2}")
    @CsvSource({
            "MALE, 84.9, NOT_APPLICABLE",
            "MALE, 85, MEETS_CRITERIA",
            "MALE, 85.1, MEETS_CRITERIA",
            "FEMALE, 85, NOT_APPLICABLE",
            "FEMALE, 89.9, NOT_APPLICABLE",
            "FEMALE, 90, MEETS_CRITERIA",
            "FEMALE, 90.1, MEETS_CRITERIA"})
    void theWaistThresholdIs85CentimetresForMenAnd90ForWomen(Sex sex, String waist, MetabolicSyndrome expected) {
        Measures twoFactors = new Measures(d(waist), d("150"), d("50"), d("130"), d("80"), d("90"), null);
        assertEquals(expected, MetabolicJudgement.judge(sex, twoFactors));
    }

    @Test
    void aWaistAtTheThresholdWithNoRiskFactorIsNotApplicable() {
        assertEquals(NOT_APPLICABLE, MetabolicJudgement.judge(Sex.MALE, HEALTHY));
        assertEquals(0, MetabolicJudgement.riskFactors(HEALTHY));
    }

    @ParameterizedTest(name = "triglycerides {0} mg/dL: {1} risk factor(s)")
    @CsvSource({"149.9, 0", "150, 1", "150.1, 1"})
    void triglyceridesFrom150AreALipidRiskFactor(String tg, int factors) {
        Measures m = new Measures(d("85"), d(tg), d("40"), d("129.9"), d("84.9"), d("109.9"), null);
        assertEquals(factors, MetabolicJudgement.riskFactors(m));
        assertEquals(factors == 1 ? PRE_METABOLIC : NOT_APPLICABLE, MetabolicJudgement.judge(Sex.MALE, m));
    }

    @ParameterizedTest(name = "HDL {0} mg/dL: {1} risk factor(s)")
    @CsvSource({"39.9, 1", "40, 0", "40.1, 0"})
    void hdlBelow40IsALipidRiskFactor(String hdl, int factors) {
        Measures m = new Measures(d("85"), d("100"), d(hdl), d("120"), d("70"), d("90"), null);
        assertEquals(factors, MetabolicJudgement.riskFactors(m));
    }

    @Test
    void highTriglyceridesAndLowHdlAreOneLipidFactorNotTwo() {
        Measures m = new Measures(d("85"), d("300"), d("30"), d("120"), d("70"), d("90"), null);
        assertEquals(1, MetabolicJudgement.riskFactors(m));
        assertEquals(PRE_METABOLIC, MetabolicJudgement.judge(Sex.MALE, m));
    }

    @ParameterizedTest(name = "systolic {0} mmHg: {1} risk factor(s)")
    @CsvSource({"129, 0", "129.9, 0", "130, 1", "131, 1"})
    void systolicFrom130IsABloodPressureRiskFactor(String systolic, int factors) {
        Measures m = new Measures(d("85"), d("100"), d("60"), d(systolic), d("70"), d("90"), null);
        assertEquals(factors, MetabolicJudgement.riskFactors(m));
    }

    @ParameterizedTest(name = "diastolic {0} mmHg: {1} risk factor(s)")
    @CsvSource({"84, 0", "84.9, 0", "85, 1", "86, 1"})
    void diastolicFrom85IsABloodPressureRiskFactor(String diastolic, int factors) {
        Measures m = new Measures(d("85"), d("100"), d("60"), d("120"), d(diastolic), d("90"), null);
        assertEquals(factors, MetabolicJudgement.riskFactors(m));
    }

    @Test
    void highSystolicAndDiastolicAreOneBloodPressureFactorNotTwo() {
        Measures m = new Measures(d("90"), d("100"), d("60"), d("160"), d("100"), d("90"), null);
        assertEquals(1, MetabolicJudgement.riskFactors(m));
    }

    @ParameterizedTest(name = "fasting glucose {0} mg/dL: {1} risk factor(s)")
    @CsvSource({"109, 0", "109.9, 0", "110, 1", "111, 1"})
    void fastingGlucoseFrom110IsAGlucoseRiskFactor(String glucose, int factors) {
        Measures m = new Measures(d("85"), d("100"), d("60"), d("120"), d("70"), d(glucose), null);
        assertEquals(factors, MetabolicJudgement.riskFactors(m));
    }

    @ParameterizedTest(name = "HbA1c {0} % without a fasting value: {1} risk factor(s)")
    @CsvSource({"5.9, 0", "5.99, 0", "6.0, 1", "6.1, 1"})
    void hba1cFrom6PercentIsAGlucoseRiskFactorWhenNoFastingValueWasMeasured(String hba1c, int factors) {
        Measures m = new Measures(d("85"), d("100"), d("60"), d("120"), d("70"), null, d(hba1c));
        assertEquals(factors, MetabolicJudgement.riskFactors(m));
    }

    @Test
    void aFastingValueDecidesTheGlucoseFactorWhateverTheHba1c() {
        Measures normalFasting = new Measures(d("85"), d("100"), d("60"), d("120"), d("70"), d("100"), d("7.5"));
        assertEquals(0, MetabolicJudgement.riskFactors(normalFasting));
        Measures highFasting = new Measures(d("85"), d("100"), d("60"), d("120"), d("70"), d("110"), d("5.0"));
        assertEquals(1, MetabolicJudgement.riskFactors(highFasting));
    }

    @ParameterizedTest(name = "lipids {0}, blood pressure {1}, glucose {2}: {3}")
    @CsvSource({
            "false, false, false, NOT_APPLICABLE",
            "true, false, false, PRE_METABOLIC",
            "false, true, false, PRE_METABOLIC",
            "false, false, true, PRE_METABOLIC",
            "true, true, false, MEETS_CRITERIA",
            "true, false, true, MEETS_CRITERIA",
            "false, true, true, MEETS_CRITERIA",
            "true, true, true, MEETS_CRITERIA"})
    void oneRiskFactorIsPreMetabolicAndTwoOrMoreMeetTheCriteria(boolean lipids, boolean pressure, boolean glucose,
            MetabolicSyndrome expected) {
        Measures m = new Measures(d("90"), d(lipids ? "150" : "149"), d("60"), d(pressure ? "130" : "129"), d("70"),
                d(glucose ? "110" : "109"), null);
        assertEquals(expected, MetabolicJudgement.judge(Sex.FEMALE, m));
    }

    @Test
    void risksWithoutTheWaistAreNotApplicableAndAnUnmeasuredWaistDecidesNothing() {
        Measures allRisks = new Measures(d("84.9"), d("400"), d("30"), d("180"), d("110"), d("200"), d("9"));
        assertEquals(NOT_APPLICABLE, MetabolicJudgement.judge(Sex.MALE, allRisks));
        Measures noWaist = new Measures(null, d("400"), d("30"), d("180"), d("110"), d("200"), d("9"));
        assertEquals(NOT_APPLICABLE, MetabolicJudgement.judge(Sex.MALE, noWaist));
        assertEquals(MEETS_CRITERIA, MetabolicJudgement.judge(Sex.MALE,
                new Measures(d("85"), null, null, d("130"), null, null, d("6.0"))));
    }

    private static BigDecimal d(String value) {
        return value == null ? null : new BigDecimal(value);
    }
}
