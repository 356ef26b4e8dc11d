package io.shikaku.common.access;

/**
 * Why a facility may view (API.md "Patients": the access log's basis): a consent given at a card check (DOMAIN.md §4),
 * or an emergency or disaster grant issued by eligibility's lookups (§8), which travel as consents of that basis.
 */
public enum AccessBasis {
    CONSENT,
    EMERGENCY,
    DISASTER;

    /**
     * The basis of a grant as eligibility names it on {@code consents} and in its consent answer: {@code EMERGENCY} or
     * {@code DISASTER}; anything else ({@code CARD_CHECK}, {@code CONSENT}, absent) is a consent.
     */
    public static AccessBasis ofGrant(String basis) {
        if (EMERGENCY.name().equals(basis)) {
            return EMERGENCY;
        }
        return DISASTER.name().equals(basis) ? DISASTER : CONSENT;
    }
}
