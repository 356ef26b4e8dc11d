package io.shikaku.facility.master;

/** A facility's onboarding stage on a given day (DOMAIN.md §9), from the dates of its steps. */
public enum Stage {
    REGISTERED,
    ACCOUNT_REGISTERED,
    READER_APPLIED,
    READY,
    LIVE
}
