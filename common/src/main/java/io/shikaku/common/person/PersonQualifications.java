package io.shikaku.common.person;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The {@code data} of eligibility's {@code person-qualifications} event ({@link #TYPE}) as the viewing services read
 * it: a person's whole current list of individual insured numbers with their periods, and whether viewing is suspended
 * (DOMAIN.md §5). No My Number, name or address.
 */
public record PersonQualifications(UUID personId, Boolean viewingSuspended, List<Numbers> qualifications) {

    public static final String TYPE = "io.shikaku.eligibility.person.qualifications-changed";

    /** One individual insured number and the period it is in force. */
    public record Numbers(String insurerNumber, String symbol, String number, String branch, LocalDate validFrom,
            LocalDate validUntil) {
    }
}
