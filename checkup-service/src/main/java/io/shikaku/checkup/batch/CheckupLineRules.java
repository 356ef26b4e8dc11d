package io.shikaku.checkup.batch;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.shikaku.checkup.batch.CheckupBatches.CheckupRecord;
import io.shikaku.checkup.batch.CheckupItems.Item;
import io.shikaku.checkup.metabolic.MetabolicJudgement;
import io.shikaku.checkup.metabolic.MetabolicSyndrome;
import io.shikaku.checkup.metabolic.Sex;
import io.shikaku.checkup.retention.RetentionRule;
import io.shikaku.common.identifier.CardNumbers;
import io.shikaku.common.json.CalendarDates;
import io.shikaku.contract.DomainRule;

/**
 * What makes an insurer's checkup line well-formed (DOMAIN.md §3, §7): the individual insured number, the examinee's
 * sex, an examination date neither in the future nor beyond the 5-year retention, and items with their unit, a
 * plausible value in the item's format and one of the item's JLAC10 codes; the items the metabolic judgement needs must
 * be there. BMI is computed from height and weight when absent. The first problem found rejects the line; its message
 * names the field, never quotes a value.
 */
@DomainRule
public final class CheckupLineRules {

    static final int MAX_CARD_TEXT = 40;

    private static final Pattern BRANCH = Pattern.compile("[0-9]{2}");
    private static final Set<String> VALUE_KEYS = Set.of("value", "code", "unit");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    /** One reported (or computed) item: a number or a urine grade, its unit and JLAC10 code. */
    public record Measured(BigDecimal value, String grade, String unit, String code, boolean computed) {
    }

    /** A well-formed line with typed values and its metabolic judgement. */
    public record ValidLine(String symbol, String number, String branch, Sex sex, LocalDate examinedOn,
            Map<String, Measured> items, MetabolicSyndrome metabolicSyndrome) {

        public String symbolKey() {
            return CardNumbers.key(symbol);
        }

        public String numberKey() {
            return CardNumbers.key(number);
        }

        /** The line's individual insured number and date as compared for duplicates within a batch. */
        public String duplicateKey() {
            return symbolKey() + "\u0000" + numberKey() + "\u0000" + branch + "\u0000" + examinedOn;
        }
    }

    /** Either a valid line or why it is rejected. */
    public record Judgement(ValidLine line, LineCode code, String message) {

        static Judgement reject(LineCode code, String field, String message) {
            return new Judgement(null, code, field + ": " + message);
        }

        public boolean valid() {
            return line != null;
        }
    }

    private CheckupLineRules() {
    }

    /** Judges one record of a batch of {@code insurerNumber} submitted on {@code today} (Japan's calendar day). */
    public static Judgement judge(CheckupRecord record, String insurerNumber, LocalDate today) {
        try {
            return new Judgement(valid(record, insurerNumber, today), null, null);
        } catch (Rejected rejected) {
            return rejected.judgement;
        }
    }

    private static ValidLine valid(CheckupRecord r, String insurerNumber, LocalDate today) {
        if (r == null) {
            throw reject(LineCode.INVALID_FIELD, "record", "must be an object");
        }
        if (r.insurerNumber() != null && !r.insurerNumber().equals(insurerNumber)) {
            throw reject(LineCode.INVALID_FIELD, "insurerNumber", "must be the batch's insurer number");
        }
        String symbol = r.symbol() == null ? "" : r.symbol();
        if (symbol.length() > MAX_CARD_TEXT) {
            throw reject(LineCode.INVALID_FIELD, "symbol", "at most " + MAX_CARD_TEXT + " characters");
        }
        if (r.number() == null || CardNumbers.key(r.number()).isEmpty() || r.number().length() > MAX_CARD_TEXT) {
            throw reject(LineCode.INVALID_FIELD, "number", "required, at most " + MAX_CARD_TEXT + " characters");
        }
        if (r.branch() == null || !BRANCH.matcher(r.branch()).matches()) {
            throw reject(LineCode.INVALID_FIELD, "branch", "must be 2 digits");
        }
        Sex sex = sex(r.sex());
        LocalDate examinedOn = CalendarDates.parse(r.examinedOn()).orElseThrow(
                () -> reject(LineCode.INVALID_FIELD, "examinedOn", CalendarDates.RULE));
        if (examinedOn.isAfter(today)) {
            throw reject(LineCode.INVALID_DATES, "examinedOn", "must not be in the future");
        }
        if (examinedOn.isBefore(RetentionRule.oldestKept(today))) {
            throw reject(LineCode.INVALID_DATES, "examinedOn", "older than the 5-year retention of checkups");
        }
        Map<String, Measured> items = items(r.items());
        MetabolicSyndrome judgement = MetabolicJudgement.judge(sex, new MetabolicJudgement.Measures(
                value(items, CheckupItems.WAIST), value(items, CheckupItems.TRIGLYCERIDES),
                value(items, CheckupItems.HDL), value(items, CheckupItems.SYSTOLIC),
                value(items, CheckupItems.DIASTOLIC), value(items, CheckupItems.FASTING_GLUCOSE),
                value(items, CheckupItems.HBA1C)));
        return new ValidLine(symbol, r.number(), r.branch(), sex, examinedOn, items, judgement);
    }

    private static Sex sex(String value) {
        if ("MALE".equals(value)) {
            return Sex.MALE;
        }
        if ("FEMALE".equals(value)) {
            return Sex.FEMALE;
        }
        throw reject(LineCode.INVALID_FIELD, "sex", "must be MALE or FEMALE");
    }

    private static Map<String, Measured> items(Map<String, Object> reported) {
        if (reported == null) {
            throw reject(LineCode.INVALID_FIELD, "items", "required");
        }
        for (String name : reported.keySet()) {
            if (!CheckupItems.ALL.containsKey(name)) {
                throw reject(LineCode.INVALID_FIELD, "items." + name, "not a checkup item");
            }
        }
        Map<String, Measured> items = new LinkedHashMap<>();
        for (Item item : CheckupItems.ALL.values()) {
            Object raw = reported.get(item.name());
            if (raw != null) {
                items.put(item.name(), measured(item, raw));
            }
        }
        for (Item needed : List.of(CheckupItems.WAIST, CheckupItems.SYSTOLIC, CheckupItems.DIASTOLIC,
                CheckupItems.TRIGLYCERIDES, CheckupItems.HDL)) {
            if (!items.containsKey(needed.name())) {
                throw reject(LineCode.MISSING_ITEM, "items." + needed.name(), "required for the metabolic judgement");
            }
        }
        if (!items.containsKey(CheckupItems.FASTING_GLUCOSE.name()) && !items.containsKey(CheckupItems.HBA1C.name())) {
            throw reject(LineCode.MISSING_ITEM, "items.fastingGlucose",
                    "fastingGlucose or hba1c is required for the metabolic judgement");
        }
        if (value(items, CheckupItems.DIASTOLIC).compareTo(value(items, CheckupItems.SYSTOLIC)) >= 0) {
            throw reject(LineCode.IMPLAUSIBLE_VALUE, "items.diastolic", "must be below systolic");
        }
        if (!items.containsKey(CheckupItems.BMI.name()) && items.containsKey(CheckupItems.HEIGHT.name())
                && items.containsKey(CheckupItems.WEIGHT.name())) {
            BigDecimal bmi = bmi(value(items, CheckupItems.HEIGHT), value(items, CheckupItems.WEIGHT));
            inRange(CheckupItems.BMI, bmi, "computed from heightCm and weightKg, ");
            Map<String, Measured> withBmi = new LinkedHashMap<>();
            for (Item item : CheckupItems.ALL.values()) {
                if (item == CheckupItems.BMI) {
                    withBmi.put(item.name(), new Measured(bmi, null, item.unit(), item.defaultCode(), true));
                } else if (items.containsKey(item.name())) {
                    withBmi.put(item.name(), items.get(item.name()));
                }
            }
            return withBmi;
        }
        return items;
    }

    /** Body mass index: weight (kg) over the square of height (m), to one decimal, half up. */
    static BigDecimal bmi(BigDecimal heightCm, BigDecimal weightKg) {
        BigDecimal metres = heightCm.divide(HUNDRED);
        return weightKg.divide(metres.multiply(metres), 1, RoundingMode.HALF_UP);
    }

    private static Measured measured(Item item, Object raw) {
        String field = "items." + item.name();
        Object value = raw;
        String code = item.defaultCode();
        String unit = item.unit();
        if (raw instanceof Map<?, ?> object) {
            for (Object key : object.keySet()) {
                if (!VALUE_KEYS.contains(key)) {
                    throw reject(LineCode.INVALID_FIELD, field, "an item object has only value, code and unit");
                }
            }
            value = object.get("value");
            if (value == null) {
                throw reject(LineCode.INVALID_FIELD, field + ".value", "required");
            }
            Object givenCode = object.get("code");
            if (givenCode != null) {
                if (!(givenCode instanceof String text) || !item.codes().contains(text)) {
                    throw reject(LineCode.UNKNOWN_JLAC10_CODE, field + ".code",
                            "must be one of the item's JLAC10 codes " + item.codes());
                }
                code = text;
            }
            Object givenUnit = object.get("unit");
            if (givenUnit != null && !(givenUnit instanceof String text && text.equals(item.unit()))) {
                throw reject(LineCode.UNIT_MISMATCH, field + ".unit",
                        item.unit() == null ? "the item has no unit" : "must be " + item.unit());
            }
        }
        if (item.qualitative()) {
            if (!(value instanceof String grade) || !CheckupItems.URINE_GRADES.contains(grade)) {
                throw reject(LineCode.INVALID_FIELD, field, "must be one of " + CheckupItems.URINE_GRADES);
            }
            return new Measured(null, grade, null, code, false);
        }
        BigDecimal number = number(value).orElseThrow(() -> reject(LineCode.INVALID_FIELD, field, "must be a number"));
        inRange(item, number, "");
        return new Measured(number, null, unit, code, false);
    }

    private static void inRange(Item item, BigDecimal value, String how) {
        String field = "items." + item.name();
        if (value.compareTo(item.min()) < 0 || value.compareTo(item.max()) > 0) {
            throw reject(LineCode.IMPLAUSIBLE_VALUE, field, how + "must be from " + item.min().toPlainString() + " to "
                    + item.max().toPlainString() + " " + item.unit());
        }
        if (Math.max(value.stripTrailingZeros().scale(), 0) > item.decimals()) {
            throw reject(LineCode.IMPLAUSIBLE_VALUE, field, "at most " + item.decimals() + " decimal(s)");
        }
    }

    private static Optional<BigDecimal> number(Object value) {
        if (value instanceof BigDecimal d) {
            return Optional.of(d);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return Optional.of(BigDecimal.valueOf(((Number) value).longValue()));
        }
        if (value instanceof BigInteger i) {
            return Optional.of(new BigDecimal(i));
        }
        if (value instanceof Double d && Double.isFinite(d)) {
            return Optional.of(new BigDecimal(Double.toString(d)));
        }
        if (value instanceof Float f && Float.isFinite(f)) {
            return Optional.of(new BigDecimal(Float.toString(f)));
        }
        return Optional.empty();
    }

    private static BigDecimal value(Map<String, Measured> items, Item item) {
        Measured measured = items.get(item.name());
        return measured == null ? null : measured.value();
    }

    private static Rejected reject(LineCode code, String field, String message) {
        return new Rejected(Judgement.reject(code, field, message));
    }

    /** The first problem of a line, thrown to end its judgement. */
    private static final class Rejected extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient Judgement judgement;

        Rejected(Judgement judgement) {
            super(null, null, false, false);
            this.judgement = judgement;
        }
    }
}
