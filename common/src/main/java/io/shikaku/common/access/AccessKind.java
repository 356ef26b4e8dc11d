package io.shikaku.common.access;

/**
 * What an access to a person was (DOMAIN.md §4, §6, §7, §8): a view of the kinds of data a facility may be allowed to
 * see, or an emergency or disaster lookup that identified the person (recorded in the access log, views nothing).
 */
public enum AccessKind {
    MEDICATION,
    CHECKUP,
    LOOKUP;

    /** Whether this is a view of a person's data (counted in the usage statistics), not a lookup. */
    public boolean isView() {
        return this != LOOKUP;
    }
}
