package io.shikaku.eligibility.check;

/** How the patient's qualification is presented: typed-in insurance card numbers, or a My Number card on a reader. */
public enum CheckMethod {
    INSURANCE_CARD,
    MY_NUMBER_CARD
}
