package io.shikaku.facility.stats;

/** What a facility viewed, as the usage table counts it (DOMAIN.md §10): medication history or checkup results. */
public enum ViewKind {
    MEDICATION,
    CHECKUP
}
