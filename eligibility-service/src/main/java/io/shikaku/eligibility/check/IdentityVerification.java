package io.shikaku.eligibility.check;

/** How the reader verified that the card's holder is present (DOMAIN.md §4): face match, PIN, or staff by sight. */
public enum IdentityVerification {
    FACE,
    PIN,
    VISUAL
}
