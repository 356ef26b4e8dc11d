package io.shikaku.facility.master;

/** What changed a facility (a row of its history): the import, a lifecycle step of DOMAIN.md §9, the terminal. */
public enum FacilityChange {
    /** The state the facility had when its history began (the master before histories were kept). */
    RECORDED,
    IMPORT,
    ACCOUNT_REGISTERED,
    READERS_APPLIED,
    READY,
    GO_LIVE,
    EMERGENCY_TERMINAL
}
