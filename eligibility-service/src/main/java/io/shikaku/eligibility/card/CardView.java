package io.shikaku.eligibility.card;

import java.time.Instant;
import java.time.LocalDate;

/** A patient's own card as they see it: whether it works as an insurance card, and why not (never the My Number). */
public record CardView(String cardSerial, LocalDate validUntil, Instant registeredAt, Status status) {

    /** The card's state for insurance use; an expired card is refused at checks after its last valid day. */
    public enum Status {
        REGISTERED,
        WITHDRAWN,
        REVOKED
    }

    static CardView of(MyNumberCard card) {
        Status status = card.revokedAt != null
                ? Status.REVOKED
                : card.withdrawnAt != null ? Status.WITHDRAWN : Status.REGISTERED;
        return new CardView(card.cardSerial, card.validUntil, card.registeredAt, status);
    }
}
