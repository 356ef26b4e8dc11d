package io.shikaku.eligibility.member;

/** Why a member line was held or rejected (API.md "Cards and insurers"; DOMAIN.md §5). */
public enum LineCode {
    /** The My Number's check digit is wrong (DOMAIN.md §3). Rejected. */
    INVALID_MY_NUMBER,
    /** The My Number is linked to a person who is not the line's (DOMAIN.md §5). Held, the linked person suspended. */
    MY_NUMBER_LINKED_TO_OTHER_PERSON,
    /** The resident registry does not know the My Number, or disagrees on the four basic attributes. Held. */
    RESIDENT_ATTRIBUTES_MISMATCH,
    /** The dates are out of order. Rejected. */
    INVALID_DATES,
    /** Any other malformed or missing value, or an END for an unknown individual insured number. Rejected. */
    INVALID_FIELD
}
