package io.shikaku.medication.drug;

import java.util.regex.Pattern;

import io.shikaku.contract.DomainRule;

/**
 * Drug codes and ingredients (DOMAIN.md §6 names no rule): a drug is identified by its national drug price code
 * (薬価基準収載医薬品コード, the "YJ code" of claims: 4 digits of therapeutic class, 3 of ingredient, a capital letter for
 * the dosage form, 3 digits or capital letters for strength and brand, a check digit). Its first seven characters
 * name the ingredient (薬効分類 + 成分), shared by every brand and strength of it, so two drugs have the same
 * ingredient exactly when their codes start with the same seven characters; no master table is needed.
 */
@DomainRule
public final class DrugCodes {

    private static final Pattern CODE = Pattern.compile("[0-9]{7}[A-Z][0-9A-Z]{3}[0-9]");

    private DrugCodes() {
    }

    public static boolean isValid(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /** The ingredient code of a valid drug code: its first seven characters. */
    public static String ingredient(String code) {
        if (!isValid(code)) {
            throw new IllegalArgumentException("not a national drug price code");
        }
        return code.substring(0, 7);
    }
}
