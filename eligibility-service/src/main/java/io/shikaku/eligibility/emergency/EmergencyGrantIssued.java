package io.shikaku.eligibility.emergency;

import java.time.Instant;
import java.util.UUID;

import io.shikaku.common.access.ConsentGrantedData;
import io.shikaku.common.event.ExportedEvent;
import io.shikaku.common.event.Topics;

/**
 * A lookup issued an emergency or disaster grant (DOMAIN.md §8): published on {@code consents} as a consent of that
 * basis to medication and checkups, so that the viewing services honour it at once (their projection reads this type).
 * No name, no My Number.
 */
public record EmergencyGrantIssued(UUID grantId, UUID personId, String facilityCode, LookupBasis basis,
        Instant issuedAt, Instant expiresAt) implements ExportedEvent {

    @Override
    public String topic() {
        return Topics.CONSENTS;
    }

    @Override
    public String key() {
        return personId.toString();
    }

    @Override
    public String type() {
        return ConsentGrantedData.TYPE;
    }

    @Override
    public String subject() {
        return grantId.toString();
    }

    @Override
    public Object data() {
        return new ConsentGrantedData(grantId, personId, facilityCode, true, true, issuedAt, expiresAt, basis.name());
    }
}
