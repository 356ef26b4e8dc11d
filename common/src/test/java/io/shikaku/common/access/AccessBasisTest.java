package io.shikaku.common.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The basis of a grant as eligibility names it on consents (DOMAIN.md §4, §8). */
class AccessBasisTest {

    @Test
    void emergencyAndDisasterGrantsKeepTheirBasisAndEverythingElseIsAConsent() {
        assertEquals(AccessBasis.EMERGENCY, AccessBasis.ofGrant("EMERGENCY"));
        assertEquals(AccessBasis.DISASTER, AccessBasis.ofGrant("DISASTER"));
        assertEquals(AccessBasis.CONSENT, AccessBasis.ofGrant("CARD_CHECK"));
        assertEquals(AccessBasis.CONSENT, AccessBasis.ofGrant("CONSENT"));
        assertEquals(AccessBasis.CONSENT, AccessBasis.ofGrant(null));
        assertEquals(AccessBasis.CONSENT, AccessBasis.ofGrant("disaster"));
    }
}
