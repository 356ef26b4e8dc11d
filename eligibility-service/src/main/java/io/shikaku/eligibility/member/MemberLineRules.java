package io.shikaku.eligibility.member;

import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Pattern;

import io.shikaku.common.identifier.CardNumbers;
import io.shikaku.common.identifier.MyNumber;
import io.shikaku.common.json.CalendarDates;
import io.shikaku.contract.DomainRule;
import io.shikaku.eligibility.member.MemberBatches.MemberRecord;
import io.shikaku.eligibility.resident.FourAttributes;

/**
 * What makes an insurer's member line well-formed (DOMAIN.md §3, §5): the fields each operation needs, a My Number with
 * a correct check digit, dates in order, known codes and a ceiling category that fits the age. The first problem found
 * rejects the line; its message names the field, never quotes a value.
 */
@DomainRule
public final class MemberLineRules {

    static final int MAX_TEXT = 200;
    static final int MAX_ADDRESS = 400;
    static final int MAX_CARD_TEXT = 40;

    private static final Pattern BRANCH = Pattern.compile("[0-9]{2}");
    private static final Set<String> SEXES = Set.of("MALE", "FEMALE");
    private static final Set<String> RELATIONSHIPS = Set.of("INSURED", "DEPENDANT");
    private static final Set<Integer> RATES = Set.of(10, 20, 30);

    /** The operations a line may ask for. */
    public enum Op {
        UPSERT,
        END
    }

    /** A well-formed line with typed values; {@code myNumber} stays in memory only, to be hashed. */
    public record ValidLine(Op op, String myNumber, String name, String nameKana, String sex, LocalDate birthDate,
            String address, String symbol, String number, String branch, String relationship, LocalDate validFrom,
            LocalDate validUntil, Integer copaymentRate, String limitCategory) {

        public String symbolKey() {
            return CardNumbers.key(symbol);
        }

        public String numberKey() {
            return CardNumbers.key(number);
        }

        public FourAttributes fourAttributes() {
            return new FourAttributes(name, sex, birthDate, address);
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

    private MemberLineRules() {
    }

    /**
     * Judges one record of a batch submitted on {@code submittedOn} (Japan's calendar day), on which the ceiling
     * category's age is judged when it is later than the line's validFrom.
     */
    public static Judgement judge(MemberRecord record, LocalDate submittedOn) {
        try {
            return new Judgement(valid(record, submittedOn), null, null);
        } catch (Rejected rejected) {
            return rejected.judgement;
        }
    }

    private static ValidLine valid(MemberRecord r, LocalDate submittedOn) {
        if (r == null) {
            throw reject(LineCode.INVALID_FIELD, "record", "must be an object");
        }
        Op op = op(r.op());
        String myNumber = r.myNumber();
        if (myNumber != null && !MyNumber.isValid(myNumber)) {
            throw reject(LineCode.INVALID_MY_NUMBER, "myNumber", "must be 12 digits with a correct check digit");
        }
        boolean upsert = op == Op.UPSERT;
        String symbol = r.symbol() == null ? "" : r.symbol();
        if (symbol.length() > MAX_CARD_TEXT) {
            throw reject(LineCode.INVALID_FIELD, "symbol", "must be at most " + MAX_CARD_TEXT + " characters");
        }
        String number = r.number();
        if (number == null || CardNumbers.key(number).isEmpty()) {
            throw reject(LineCode.INVALID_FIELD, "number", "is required");
        }
        if (number.length() > MAX_CARD_TEXT) {
            throw reject(LineCode.INVALID_FIELD, "number", "must be at most " + MAX_CARD_TEXT + " characters");
        }
        if (r.branch() == null) {
            throw reject(LineCode.INVALID_FIELD, "branch", "is required");
        }
        if (!BRANCH.matcher(r.branch()).matches()) {
            throw reject(LineCode.INVALID_FIELD, "branch", "must be two digits");
        }
        if (!upsert) {
            LocalDate until = date("validUntil", r.validUntil(), true);
            return new ValidLine(op, myNumber, null, null, null, null, null, symbol, number, r.branch(), null, null,
                    until, null, null);
        }
        String name = text("name", r.name(), MAX_TEXT, true);
        String kana = text("nameKana", r.nameKana(), MAX_TEXT, true);
        String sex = oneOf("sex", r.sex(), SEXES, "must be MALE or FEMALE");
        LocalDate birthDate = date("birthDate", r.birthDate(), true);
        String address = text("address", r.address(), MAX_ADDRESS, myNumber != null);
        String relationship = oneOf("relationship", r.relationship(), RELATIONSHIPS, "must be INSURED or DEPENDANT");
        LocalDate validFrom = date("validFrom", r.validFrom(), true);
        LocalDate validUntil = date("validUntil", r.validUntil(), false);
        Integer rate = rate(r.copaymentRate());
        String limitCategory = r.limitCategory();
        if (birthDate.isAfter(validFrom)) {
            throw reject(LineCode.INVALID_DATES, "birthDate", "must not be after validFrom");
        }
        if (validUntil != null && validUntil.isBefore(validFrom)) {
            throw reject(LineCode.INVALID_DATES, "validUntil", "must not be before validFrom");
        }
        if (limitCategory != null) {
            LimitCategories.problem(limitCategory, birthDate, LimitCategories.judgedOn(validFrom, submittedOn))
                    .ifPresent(problem -> {
                        throw reject(LineCode.INVALID_FIELD, "limitCategory", problem);
                    });
        }
        return new ValidLine(op, myNumber, name, kana, sex, birthDate, address, symbol, number, r.branch(),
                relationship, validFrom, validUntil, rate, limitCategory);
    }

    private static Op op(String op) {
        if (op == null) {
            throw reject(LineCode.INVALID_FIELD, "op", "is required");
        }
        try {
            return Op.valueOf(op);
        } catch (IllegalArgumentException e) {
            throw reject(LineCode.INVALID_FIELD, "op", "must be UPSERT or END");
        }
    }

    private static String text(String field, String value, int max, boolean required) {
        if (value == null || FourAttributes.key(value).isEmpty()) {
            if (required) {
                throw reject(LineCode.INVALID_FIELD, field, "is required");
            }
            return null;
        }
        if (value.length() > max) {
            throw reject(LineCode.INVALID_FIELD, field, "must be at most " + max + " characters");
        }
        return value;
    }

    private static String oneOf(String field, String value, Set<String> allowed, String message) {
        if (value == null) {
            throw reject(LineCode.INVALID_FIELD, field, "is required");
        }
        if (!allowed.contains(value)) {
            throw reject(LineCode.INVALID_FIELD, field, message);
        }
        return value;
    }

    private static LocalDate date(String field, String value, boolean required) {
        if (value == null) {
            if (required) {
                throw reject(LineCode.INVALID_FIELD, field, "is required");
            }
            return null;
        }
        return CalendarDates.parse(value)
                .orElseThrow(() -> reject(LineCode.INVALID_FIELD, field, CalendarDates.RULE));
    }

    private static Integer rate(Object value) {
        if (value == null) {
            throw reject(LineCode.INVALID_FIELD, "copaymentRate", "is required");
        }
        Integer rate = null;
        if (value instanceof Integer number) {
            rate = number;
        } else if (value instanceof String text && text.matches("[0-9]{1,3}")) {
            rate = Integer.valueOf(text);
        }
        if (rate == null || !RATES.contains(rate)) {
            throw reject(LineCode.INVALID_FIELD, "copaymentRate", "must be 10, 20 or 30");
        }
        return rate;
    }

    private static Rejected reject(LineCode code, String field, String message) {
        return new Rejected(Judgement.reject(code, field, message));
    }

    /** Ends judging at the first problem. */
    private static final class Rejected extends RuntimeException {

        private final transient Judgement judgement;

        Rejected(Judgement judgement) {
            super(judgement.message(), null, false, false);
            this.judgement = judgement;
        }
    }
}
