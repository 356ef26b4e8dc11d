package io.shikaku.common.access;

import java.time.Instant;
import java.util.UUID;

/**
 * The {@code data} of eligibility's {@code consents} event ({@code io.shikaku.eligibility.consent.granted}): a facility
 * may view a person's medication and/or checkups until {@code expiresAt}. No My Number, no name.
 */
public record ConsentGrantedData(UUID consentId, UUID personId, String facilityCode, boolean medication,
        boolean checkup, Instant grantedAt, Instant expiresAt, String basis) {

    public static final String TYPE = "io.shikaku.eligibility.consent.granted";
}
