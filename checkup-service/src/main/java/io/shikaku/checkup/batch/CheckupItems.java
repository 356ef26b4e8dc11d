package io.shikaku.checkup.batch;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shikaku.contract.DomainRule;

/**
 * The items of a specific health checkup (DOMAIN.md §7) with their unit, the values a measurement can plausibly take,
 * the decimals the reporting format allows, and the JLAC10 codes (17 characters, the specific checkup code table) an
 * insurer may report them under; the first code is the one recorded when a value comes without a code. Urine glucose
 * and protein are qualitative, the rest numeric.
 */
@DomainRule
public final class CheckupItems {

    /** The qualitative results of a urine test strip: (−), (±), (+), (++), (+++). */
    public static final List<String> URINE_GRADES = List.of("NEGATIVE", "TRACE", "ONE_PLUS", "TWO_PLUS", "THREE_PLUS");

    /** One checkup item; {@code min} and {@code max} are null for a qualitative one. */
    public record Item(String name, String unit, BigDecimal min, BigDecimal max, int decimals, List<String> codes) {

        public boolean qualitative() {
            return min == null;
        }

        public String defaultCode() {
            return codes.get(0);
        }
    }

    public static final Item HEIGHT = numeric("heightCm", "cm", "100", "250", 1, "9N001000000000001");
    public static final Item WEIGHT = numeric("weightKg", "kg", "20", "300", 1, "9N006000000000001");
    public static final Item BMI = numeric("bmi", "kg/m2", "10", "100", 1, "9N011000000000001");
    /** Measured, self-measured, self-reported. */
    public static final Item WAIST = numeric("waistCm", "cm", "40", "250", 1, "9N016160100000001",
            "9N016160200000001", "9N016160300000001");
    /** Other (e.g. the mean), first, second measurement. */
    public static final Item SYSTOLIC = numeric("systolic", "mmHg", "60", "300", 0, "9A755000000000001",
            "9A751000000000001", "9A752000000000001");
    public static final Item DIASTOLIC = numeric("diastolic", "mmHg", "30", "200", 0, "9A765000000000001",
            "9A761000000000001", "9A762000000000001");
    /** Visible absorbance, ultraviolet absorbance, other methods (likewise for HDL and LDL). */
    public static final Item TRIGLYCERIDES = numeric("triglycerides", "mg/dL", "10", "5000", 0, "3F015000002327101",
            "3F015000002327201", "3F015000002399901");
    public static final Item HDL = numeric("hdl", "mg/dL", "10", "500", 0, "3F070000002327101", "3F070000002327201",
            "3F070000002399901");
    public static final Item LDL = numeric("ldl", "mg/dL", "10", "1000", 0, "3F077000002327101", "3F077000002327201",
            "3F077000002399901");
    /** Potentiometry, visible absorbance, ultraviolet absorbance, other methods. */
    public static final Item FASTING_GLUCOSE = numeric("fastingGlucose", "mg/dL", "20", "1000", 0,
            "3D010000001926101", "3D010000002227101", "3D010000001927201", "3D010000001999901");
    /** NGSP value: immunoassay, HPLC, enzymatic, other methods. */
    public static final Item HBA1C = numeric("hba1c", "%", "3", "20", 1, "3D046000001906202", "3D046000001920402",
            "3D046000001927102", "3D046000001999902");
    public static final Item AST = numeric("ast", "U/L", "0", "3000", 0, "3B035000002327201", "3B035000002399901");
    public static final Item ALT = numeric("alt", "U/L", "0", "3000", 0, "3B045000002327201", "3B045000002399901");
    public static final Item GGT = numeric("ggt", "U/L", "0", "5000", 0, "3B090000002327101", "3B090000002399901");
    /** Test strip read by machine, read by eye (likewise for urine protein). */
    public static final Item URINE_GLUCOSE = new Item("urineGlucose", null, null, null, 0,
            List.of("1A020000000191111", "1A020000000190111"));
    public static final Item URINE_PROTEIN = new Item("urineProtein", null, null, null, 0,
            List.of("1A010000000191111", "1A010000000190111"));
    public static final Item HEMOGLOBIN = numeric("hemoglobin", "g/dL", "3", "25", 1, "2A030000001930101");
    public static final Item EGFR = numeric("egfr", "mL/min/1.73m2", "1", "200", 1, "8A065000002391901");

    /** Every item, by its name in the API, in the order of API.md. */
    public static final Map<String, Item> ALL;

    static {
        Map<String, Item> all = new LinkedHashMap<>();
        for (Item item : List.of(HEIGHT, WEIGHT, BMI, WAIST, SYSTOLIC, DIASTOLIC, TRIGLYCERIDES, HDL, LDL,
                FASTING_GLUCOSE, HBA1C, AST, ALT, GGT, URINE_GLUCOSE, URINE_PROTEIN, HEMOGLOBIN, EGFR)) {
            all.put(item.name(), item);
        }
        ALL = java.util.Collections.unmodifiableMap(all);
    }

    private CheckupItems() {
    }

    private static Item numeric(String name, String unit, String min, String max, int decimals, String... codes) {
        return new Item(name, unit, new BigDecimal(min), new BigDecimal(max), decimals, List.of(codes));
    }
}
