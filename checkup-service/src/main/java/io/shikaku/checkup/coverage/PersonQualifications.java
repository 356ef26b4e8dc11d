package io.shikaku.checkup.coverage;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The {@code data} of eligibility's {@code io.shikaku.eligibility.person.qualifications-changed} event as this service
 * reads it: a person's whole current list of individual insured numbers and whether viewing is suspended.
 */
public record PersonQualifications(UUID personId, Boolean viewingSuspended, List<Numbers> qualifications) {

    public static final String TYPE = "io.shikaku.eligibility.person.qualifications-changed";

    /** One individual insured number and the period it is in force. */
    public record Numbers(String insurerNumber, String symbol, String number, String branch, LocalDate validFrom,
            LocalDate validUntil) {
    }
}
