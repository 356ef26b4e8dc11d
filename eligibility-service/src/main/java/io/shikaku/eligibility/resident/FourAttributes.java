package io.shikaku.eligibility.resident;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

import io.shikaku.contract.DomainRule;

/**
 * The four basic attributes a My Number linkage must agree on with the resident registry (DOMAIN.md §5): name and
 * address compared after Unicode NFKC with all whitespace removed, sex and birth date exactly.
 */
@DomainRule
public record FourAttributes(String name, String sex, LocalDate birthDate, String address) {

    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

    /** The comparison form of a name or an address: NFKC, every kind of whitespace removed. */
    public static String key(String value) {
        if (value == null) {
            return "";
        }
        return SPACES.matcher(Normalizer.normalize(value, Normalizer.Form.NFKC)).replaceAll("");
    }

    /** Whether all four attributes agree with {@code registry}'s. */
    public boolean agreesWith(FourAttributes registry) {
        return registry != null
                && key(name).equals(key(registry.name))
                && key(address).equals(key(registry.address))
                && Objects.equals(sex, registry.sex)
                && Objects.equals(birthDate, registry.birthDate);
    }
}
