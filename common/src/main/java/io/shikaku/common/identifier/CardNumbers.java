package io.shikaku.common.identifier;

import java.text.Normalizer;
import java.util.regex.Pattern;

import io.shikaku.contract.DomainRule;

/**
 * Card symbol and number (記号・番号, DOMAIN.md §3) as compared, so that a number typed with full-width digits or spaces
 * finds its qualification: Unicode NFKC, with every kind of space removed. One rule for every service that matches
 * individual insured numbers (eligibility's checks, the claims and checkups attached to persons), so they agree.
 */
@DomainRule
public final class CardNumbers {

    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

    private CardNumbers() {
    }

    /** The lookup key of a symbol or number; the empty string for none. */
    public static String key(String value) {
        if (value == null) {
            return "";
        }
        return SPACES.matcher(Normalizer.normalize(value, Normalizer.Form.NFKC)).replaceAll("");
    }
}
