package io.shikaku.eligibility.card;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A My Number card registered for use as an insurance card (DOMAIN.md §3): whose it is, until when, and its state. */
@Entity
@Table(name = "my_number_card")
public class MyNumberCard extends PanacheEntityBase {

    @Id
    @Column(name = "card_serial")
    public String cardSerial;

    @Column(name = "person_id")
    public UUID personId;

    /** The keyed hash of the My Number the card was registered with (never the number). */
    @Column(name = "my_number_hash")
    public String myNumberHash;

    @Column(name = "valid_until")
    public LocalDate validUntil;

    @Column(name = "registered_at")
    public Instant registeredAt;

    @Column(name = "registered_by_facility")
    public String registeredByFacility;

    @Column(name = "registered_by_person")
    public UUID registeredByPerson;

    /** When the card was reported lost: refused for ever after. */
    @Column(name = "revoked_at")
    public Instant revokedAt;

    /** When the holder withdrew its registration for insurance use (利用登録の解除): refused until registered again. */
    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    /** Its state as the check's acceptance rule reads it. */
    public CardAcceptance.CardState state() {
        return new CardAcceptance.CardState(revokedAt != null, withdrawnAt != null, validUntil);
    }
}
