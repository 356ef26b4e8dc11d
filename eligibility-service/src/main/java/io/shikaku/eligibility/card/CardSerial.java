package io.shikaku.eligibility.card;

import io.shikaku.contract.DomainRule;

/**
 * A My Number card is known by the serial of its user-authentication certificate (DOMAIN.md §3): an X.509 serial is a
 * positive integer of at most 20 octets, sent by the reader as 8 to 40 upper-case hexadecimal digits.
 */
@DomainRule
public final class CardSerial {

    /** The accepted form, for bean validation and OpenAPI. */
    public static final String PATTERN = "[0-9A-F]{8,40}";
    public static final String RULE = "must be 8 to 40 upper-case hexadecimal digits (the certificate serial)";

    private CardSerial() {
    }

    public static boolean isValid(String serial) {
        return serial != null && serial.matches(PATTERN);
    }
}
