package io.shikaku.eligibility.check;

/**
 * How the patient's qualification is presented: typed-in insurance card numbers, a My Number card on a reader, or an
 * entry of a bulk inquiry by card numbers (DOMAIN.md §4).
 */
public enum CheckMethod {
    INSURANCE_CARD,
    MY_NUMBER_CARD,
    BULK
}
