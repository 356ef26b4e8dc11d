package io.shikaku.medication.person;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The {@code data} of eligibility's {@code person-qualifications} event ({@code
 * io.shikaku.eligibility.person.qualifications-changed}): a person's whole current list of individual insured numbers
 * with their periods, and whether viewing is suspended (DOMAIN.md §5). No My Number, name or address.
 */
public record PersonQualifications(UUID personId, boolean viewingSuspended, List<Numbers> qualifications) {

    public static final String TYPE = "io.shikaku.eligibility.person.qualifications-changed";

    /** One individual insured number and its period. */
    public record Numbers(String insurerNumber, String symbol, String number, String branch, LocalDate validFrom,
            LocalDate validUntil) {
    }
}
