package io.shikaku.checkup.batch;

/** Why a checkup line was rejected: stable codes of the batch report (README "Checkup batches"). */
public enum LineCode {
    /** A field is missing or malformed (the message names it). */
    INVALID_FIELD,
    /** The examination date is in the future or older than the 5-year retention. */
    INVALID_DATES,
    /** An item the metabolic judgement needs was not reported. */
    MISSING_ITEM,
    /** An item came with another unit than the one it is reported in. */
    UNIT_MISMATCH,
    /** A value outside what the item can plausibly measure, or more decimals than its format has. */
    IMPLAUSIBLE_VALUE,
    /** A code that is not one of the item's JLAC10 codes. */
    UNKNOWN_JLAC10_CODE,
    /** An earlier line of the same batch has the same individual insured number and examination date. */
    DUPLICATE_LINE,
    /** The insurer does not cover this individual insured number on the examination date. */
    NOT_A_MEMBER,
    /** The individual insured number names more than one person on that date: attached to nobody. */
    MEMBER_AMBIGUOUS
}
