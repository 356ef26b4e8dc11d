package io.shikaku.medication.person;

import java.text.Normalizer;
import java.util.regex.Pattern;

import io.shikaku.contract.DomainRule;

/**
 * Card symbol and number (記号・番号) as compared (DOMAIN.md §3): Unicode NFKC, with every kind of space removed, the
 * same rule eligibility applies, so that a claim's numbers find the qualification however they were typed.
 */
@DomainRule
public final class CardNumbers {

    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

    private CardNumbers() {
    }

    public static String key(String value) {
        if (value == null) {
            return "";
        }
        return SPACES.matcher(Normalizer.normalize(value, Normalizer.Form.NFKC)).replaceAll("");
    }
}
