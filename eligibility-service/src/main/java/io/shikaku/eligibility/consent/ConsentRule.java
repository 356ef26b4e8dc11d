package io.shikaku.eligibility.consent;

import java.time.Duration;
import java.time.Instant;

import io.shikaku.contract.DomainRule;

/**
 * Consent given at a card check (DOMAIN.md §4): it lets that facility view that person's medication and/or checkups for
 * 24 hours from the check, and is recorded only when something was consented to and the person's viewing is not
 * suspended for a linkage in doubt (DOMAIN.md §5). Live while now is before its expiry: gone at exactly 24 hours.
 */
@DomainRule
public final class ConsentRule {

    public static final Duration LIFETIME = Duration.ofHours(24);

    /** The note of a card check whose consent was not recorded because the person's linkage is under review. */
    public static final String LINKAGE_UNDER_REVIEW = "LINKAGE_UNDER_REVIEW";

    private ConsentRule() {
    }

    /** Whether a consent is recorded for what the patient answered on the reader. */
    public static boolean recorded(boolean medication, boolean checkup, boolean viewingSuspended) {
        return (medication || checkup) && !viewingSuspended;
    }

    public static Instant expiresAt(Instant grantedAt) {
        return grantedAt.plus(LIFETIME);
    }

    public static boolean isLive(Instant expiresAt, Instant now) {
        return now.isBefore(expiresAt);
    }
}
