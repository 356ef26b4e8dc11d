package io.shikaku.eligibility.consent;

import java.time.Instant;

/** A facility's live consent for a person, as answered to that facility. */
public record LiveConsent(boolean medication, boolean checkup, Instant grantedAt, Instant expiresAt) {

    static LiveConsent of(Consent consent) {
        return new LiveConsent(consent.medication, consent.checkup, consent.grantedAt, consent.expiresAt);
    }
}
