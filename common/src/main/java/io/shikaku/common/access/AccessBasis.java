package io.shikaku.common.access;

/**
 * Why a facility may view (API.md "Patients": the access log's basis): a consent given at a card check (DOMAIN.md §4),
 * or an emergency or disaster grant (§8, issue 10: a {@link GrantSource} that gives such grants is still to come).
 */
public enum AccessBasis {
    CONSENT,
    EMERGENCY,
    DISASTER
}
