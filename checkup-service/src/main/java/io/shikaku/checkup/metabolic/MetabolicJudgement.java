package io.shikaku.checkup.metabolic;

import java.math.BigDecimal;

import io.shikaku.contract.DomainRule;

/**
 * The Japanese metabolic-syndrome criteria exactly as DOMAIN.md §7 gives them: a waist of at least 85 cm (men) or
 * 90 cm (women) is the precondition; the risk factors are lipids (triglycerides ≥ 150 mg/dL or HDL &lt; 40 mg/dL),
 * blood pressure (systolic ≥ 130 or diastolic ≥ 85 mmHg) and glucose (fasting ≥ 110 mg/dL, or HbA1c ≥ 6.0 % when no
 * fasting value was measured); two or more factors meet the criteria, one is pre-metabolic. A value that was not
 * measured raises no factor (the batch rules require the items the judgement needs, so that does not happen there).
 */
@DomainRule
public final class MetabolicJudgement {

    static final BigDecimal WAIST_MEN_CM = new BigDecimal("85");
    static final BigDecimal WAIST_WOMEN_CM = new BigDecimal("90");
    static final BigDecimal TRIGLYCERIDES = new BigDecimal("150");
    static final BigDecimal HDL_BELOW = new BigDecimal("40");
    static final BigDecimal SYSTOLIC = new BigDecimal("130");
    static final BigDecimal DIASTOLIC = new BigDecimal("85");
    static final BigDecimal FASTING_GLUCOSE = new BigDecimal("110");
    static final BigDecimal HBA1C = new BigDecimal("6.0");

    /** What the judgement reads; any value may be absent (null). */
    public record Measures(BigDecimal waistCm, BigDecimal triglycerides, BigDecimal hdl, BigDecimal systolic,
            BigDecimal diastolic, BigDecimal fastingGlucose, BigDecimal hba1c) {
    }

    private MetabolicJudgement() {
    }

    public static MetabolicSyndrome judge(Sex sex, Measures m) {
        if (!atLeast(m.waistCm(), sex == Sex.FEMALE ? WAIST_WOMEN_CM : WAIST_MEN_CM)) {
            return MetabolicSyndrome.NOT_APPLICABLE;
        }
        int factors = riskFactors(m);
        if (factors >= 2) {
            return MetabolicSyndrome.MEETS_CRITERIA;
        }
        return factors == 1 ? MetabolicSyndrome.PRE_METABOLIC : MetabolicSyndrome.NOT_APPLICABLE;
    }

    /** How many of the three risk factors (lipids, blood pressure, glucose) are present. */
    static int riskFactors(Measures m) {
        int factors = 0;
        if (atLeast(m.triglycerides(), TRIGLYCERIDES) || below(m.hdl(), HDL_BELOW)) {
            factors++;
        }
        if (atLeast(m.systolic(), SYSTOLIC) || atLeast(m.diastolic(), DIASTOLIC)) {
            factors++;
        }
        boolean glucose = m.fastingGlucose() != null
                ? atLeast(m.fastingGlucose(), FASTING_GLUCOSE)
                : atLeast(m.hba1c(), HBA1C);
        if (glucose) {
            factors++;
        }
        return factors;
    }

    private static boolean atLeast(BigDecimal value, BigDecimal threshold) {
        return value != null && value.compareTo(threshold) >= 0;
    }

    private static boolean below(BigDecimal value, BigDecimal threshold) {
        return value != null && value.compareTo(threshold) < 0;
    }
}
