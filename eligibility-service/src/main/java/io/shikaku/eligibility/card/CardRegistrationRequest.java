package io.shikaku.eligibility.card;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import io.shikaku.common.identifier.ValidMyNumber;

/** A patient's, or a reader's, request to register a My Number card for use as an insurance card (API.md). */
public record CardRegistrationRequest(
        @NotNull @Pattern(regexp = CardSerial.PATTERN, message = CardSerial.RULE) String cardSerial,
        @NotNull @ValidMyNumber String myNumber,
        @NotNull LocalDate validUntil) {

    /** Never the My Number: records print themselves in logs and failures. */
    @Override
    public String toString() {
        return "CardRegistrationRequest[cardSerial=" + cardSerial + ", validUntil=" + validUntil + "]";
    }
}
