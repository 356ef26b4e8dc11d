package io.shikaku.eligibility.consent;

import java.time.Instant;

/**
 * A facility's live consent for a person, as answered to that facility, with its basis: {@code CONSENT} given at a
 * card check, or an {@code EMERGENCY} or {@code DISASTER} grant issued by a lookup (DOMAIN.md §8).
 */
public record LiveConsent(boolean medication, boolean checkup, Instant grantedAt, Instant expiresAt, String basis) {
}
