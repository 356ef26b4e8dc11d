package io.shikaku.checkup.coverage;

import java.text.Normalizer;
import java.util.regex.Pattern;

import io.shikaku.contract.DomainRule;

/**
 * Card symbol and number (記号・番号, DOMAIN.md §3) as compared when a checkup line is matched to a covered person:
 * Unicode NFKC, with every kind of space removed, the same rule as eligibility's, so both services agree on a match.
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
