package io.shikaku.eligibility.card;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A registered card as answered: never the My Number; the person only to the patient who registered it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CardRegistration(String cardSerial, LocalDate validUntil, Instant registeredAt, UUID personId) {

    static CardRegistration of(MyNumberCard card, boolean toThePatient) {
        return new CardRegistration(card.cardSerial, card.validUntil, card.registeredAt,
                toThePatient ? card.personId : null);
    }
}
