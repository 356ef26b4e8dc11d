package io.shikaku.eligibility.member;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The values of one member line (DOMAIN.md §5) as {@code member_line} and {@code held_record} keep them, with their one
 * column list, so that every statement and row of the package writes and reads the same shape; the My Number only as
 * its keyed hash.
 */
public record MemberLine(String myNumberHash, String name, String nameKana, String sex, LocalDate birthDate,
        String address, String symbol, String number, String symbolKey, String numberKey, String branch,
        String relationship, LocalDate validFrom, LocalDate validUntil, Integer copaymentRate, String limitCategory) {

    /** The columns, in the record's order. */
    static final String COLUMNS = "my_number_hash, name, name_kana, sex, birth_date, address, symbol, number,"
            + " symbol_key, number_key, branch, relationship, valid_from, valid_until, copayment_rate, limit_category";

    /** The columns with their types, for {@code jsonb_to_recordset(…) AS x(…)}. */
    static final String TYPED = "my_number_hash text, name text, name_kana text, sex text, birth_date date,"
            + " address text, symbol text, number text, symbol_key text, number_key text, branch text,"
            + " relationship text, valid_from date, valid_until date, copayment_rate smallint, limit_category text";

    /** How many columns a row of this shape takes. */
    static final int WIDTH = 16;

    /** The columns qualified with {@code alias}, e.g. {@code x.my_number_hash, x.name, …}. */
    static String columns(String alias) {
        return Arrays.stream(COLUMNS.split(", ")).map(column -> alias + "." + column)
                .collect(Collectors.joining(", "));
    }

    /** A well-formed line's values, its My Number replaced by {@code myNumberHash}. */
    static MemberLine of(MemberLineRules.ValidLine v, String myNumberHash) {
        return new MemberLine(myNumberHash, v.name(), v.nameKana(), v.sex(), v.birthDate(), v.address(), v.symbol(),
                v.number(), v.symbolKey(), v.numberKey(), v.branch(), v.relationship(), v.validFrom(), v.validUntil(),
                v.copaymentRate(), v.limitCategory());
    }

    /** Puts the values into {@code row} under their column names, for a JSON row parameter. */
    void into(Map<String, Object> row) {
        row.put("my_number_hash", myNumberHash);
        row.put("name", name);
        row.put("name_kana", nameKana);
        row.put("sex", sex);
        row.put("birth_date", birthDate);
        row.put("address", address);
        row.put("symbol", symbol);
        row.put("number", number);
        row.put("symbol_key", symbolKey);
        row.put("number_key", numberKey);
        row.put("branch", branch);
        row.put("relationship", relationship);
        row.put("valid_from", validFrom);
        row.put("valid_until", validUntil);
        row.put("copayment_rate", copaymentRate);
        row.put("limit_category", limitCategory);
    }
}
