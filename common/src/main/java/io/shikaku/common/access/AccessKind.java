package io.shikaku.common.access;

/** The kinds of a person's data a facility may be allowed to view (DOMAIN.md §4, §6, §7). */
public enum AccessKind {
    MEDICATION,
    CHECKUP
}
