package io.shikaku.eligibility.consent;

import java.time.Instant;
import java.util.UUID;

import io.shikaku.common.event.ExportedEvent;
import io.shikaku.common.event.Topics;

/**
 * A consent was given (DESIGN.md, Events: who may view whom, until when, on which basis), for medication and checkup
 * services; keyed by person id. No My Number, no name.
 */
public record ConsentGranted(UUID consentId, UUID personId, String facilityCode, boolean medication, boolean checkup,
        Instant grantedAt, Instant expiresAt, String basis) implements ExportedEvent {

    public static final String TYPE = "io.shikaku.eligibility.consent.granted";
    /** The consent was given on the reader at a My Number card check. */
    public static final String CARD_CHECK = "CARD_CHECK";

    public static ConsentGranted of(Consent consent) {
        return new ConsentGranted(consent.id, consent.personId, consent.facilityCode, consent.medication,
                consent.checkup, consent.grantedAt, consent.expiresAt, CARD_CHECK);
    }

    /**
     * The grant an emergency or disaster lookup issued (DOMAIN.md §8), published as a consent of that basis to
     * medication and checkups, so that the viewing services honour it as they do consents.
     */
    public static ConsentGranted ofGrant(UUID grantId, UUID personId, String facilityCode, String basis,
            Instant issuedAt, Instant expiresAt) {
        return new ConsentGranted(grantId, personId, facilityCode, true, true, issuedAt, expiresAt, basis);
    }

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
        return TYPE;
    }

    @Override
    public String subject() {
        return consentId.toString();
    }
}
