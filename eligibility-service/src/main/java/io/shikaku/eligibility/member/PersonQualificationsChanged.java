package io.shikaku.eligibility.member;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.shikaku.common.event.ExportedEvent;
import io.shikaku.common.event.Topics;

/**
 * A person's whole current list of individual insured numbers, and whether viewing is suspended (DESIGN.md, Events):
 * what medication and checkup need to map claims and checkups to persons. Never a My Number, name or address.
 */
public record PersonQualificationsChanged(UUID personId, boolean viewingSuspended,
        List<QualificationNumbers> qualifications) implements ExportedEvent {

    public static final String TYPE = "io.shikaku.eligibility.person.qualifications-changed";

    /** One individual insured number and its period. */
    public record QualificationNumbers(String insurerNumber, String symbol, String number, String branch,
            LocalDate validFrom, LocalDate validUntil) {
    }

    @Override
    public String topic() {
        return Topics.PERSON_QUALIFICATIONS;
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
        return personId.toString();
    }
}
