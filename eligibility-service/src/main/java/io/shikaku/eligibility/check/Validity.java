package io.shikaku.eligibility.check;

/** The qualification validity a check answers with (DOMAIN.md §4). */
public enum Validity {
    VALID,
    INVALID,
    INVALID_NEWER_EXISTS,
    NOT_FOUND,
    MULTIPLE_MATCHES
}
