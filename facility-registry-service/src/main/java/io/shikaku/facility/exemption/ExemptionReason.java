package io.shikaku.facility.exemption;

/** Why a facility asks to be exempt (経過措置, DOMAIN.md §9). */
public enum ExemptionReason {
    /** Vendor or network-carrier delay despite an order. */
    VENDOR_OR_CARRIER_DELAY,
    /** Quotes far above the subsidy cap. */
    QUOTE_FAR_ABOVE_SUBSIDY_CAP,
    /** All doctors elderly and unable to adopt IT. */
    ELDERLY_DOCTORS_UNABLE_TO_ADOPT_IT,
    /** Very few claims. */
    VERY_FEW_CLAIMS,
    /** Closure, move or merger planned. */
    CLOSURE_MOVE_OR_MERGER_PLANNED,
    /** The wanted card reader is out of stock. */
    READER_OUT_OF_STOCK,
    /** System replacement planned. */
    SYSTEM_REPLACEMENT_PLANNED,
    /** No fibre line available. */
    NO_FIBRE_LINE,
    /** Dire finances. */
    DIRE_FINANCES,
    /** Home-visit-only practice. */
    HOME_VISIT_ONLY,
    /** Paper claims (already exempt). */
    PAPER_CLAIMS
}
