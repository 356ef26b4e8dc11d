package io.shikaku.facility.stats;

/** How a check was made, as the usage table splits it (DOMAIN.md §10): by My Number card, by card numbers, in bulk. */
public enum UsageMethod {
    MY_NUMBER_CARD,
    INSURANCE_CARD,
    BULK
}
