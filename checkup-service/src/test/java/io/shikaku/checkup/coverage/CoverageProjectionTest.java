package io.shikaku.checkup.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.shikaku.checkup.support.QualificationEvents;
import io.shikaku.checkup.support.QualificationEvents.Numbers;
import io.shikaku.common.testing.KafkaTestKit;

/**
 * Which insurer covers which person, as eligibility's {@code person-qualifications} events say, through the real
 * broker: each event replaces the person's list once, the newest state stands, and what cannot be read is parked.
 */
@QuarkusTest
class CoverageProjectionTest {

    private static final String INSURER = "06130017";

    @Inject
    AgroalDataSource db;

    private QualificationEvents events;

    @BeforeEach
    void attach() {
        events = new QualificationEvents(db);
        events.awaitConsumerAttached();
    }

    @Test
    void aPersonsNumbersAndSuspensionAreKeptAsTheLatestEventSays() {
        UUID person = UUID.randomUUID();
        String number = QualificationEvents.freshNumber();
        Numbers old = new Numbers("01130012", "５０１０", number, "00", LocalDate.of(2015, 4, 1),
                LocalDate.of(2020, 3, 31));
        Numbers current = new Numbers(INSURER, " 12 34", number, "01", LocalDate.of(2020, 4, 1), null);
        UUID first = UUID.randomUUID();
        QualificationEvents.publish(first, Instant.now(), person, false, List.of(old, current));
        events.awaitProjected(person, first);
        assertEquals(List.of("01130012|5010|00|2015-04-01|2020-03-31", INSURER + "|1234|01|2020-04-01|null"),
                numbers(person));

        UUID second = UUID.randomUUID();
        QualificationEvents.publish(second, Instant.now().plusSeconds(1), person, true, List.of(current));
        events.awaitProjected(person, second);
        assertEquals(List.of(INSURER + "|1234|01|2020-04-01|null"), numbers(person));
        assertEquals(1, events.count("SELECT count(*) FROM person WHERE id = ? AND viewing_suspended", person));
    }

    @Test
    void aRedeliveredEventHasNoSecondEffect() {
        // Two states at the same time: the later-read one wins, so a second effect of the first would show.
        UUID person = UUID.randomUUID();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Numbers a = new Numbers(INSURER, "1", QualificationEvents.freshNumber(), "00", LocalDate.of(2020, 4, 1), null);
        Numbers b = new Numbers("33120015", "2", QualificationEvents.freshNumber(), "00", LocalDate.of(2021, 4, 1),
                null);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        QualificationEvents.publish(first, at, person, false, List.of(a));
        QualificationEvents.publish(second, at, person, false, List.of(b));
        QualificationEvents.publish(first, at, person, false, List.of(a));
        UUID after = UUID.randomUUID();
        QualificationEvents.publish(after, at.minusSeconds(60), person, false, List.of(a));
        events.awaitHandled(after);

        assertEquals(second, events.projectedEvent(person));
        assertEquals(List.of("33120015|2|" + b.number() + "|00|2021-04-01|null").size(), numbers(person).size());
        assertEquals("33120015", numbers(person).get(0).substring(0, 8));
        assertEquals(1, events.count("SELECT count(*) FROM inbox WHERE event_id = ?", first));
    }

    @Test
    void aPoisonRecordIsParkedWithoutItsContentAndTheNextEventOfThePersonIsStillApplied() {
        UUID person = UUID.randomUUID();
        String number = QualificationEvents.freshNumber();
        RecordMetadata notJson = QualificationEvents.publishRaw(person.toString(), "{\"personId\": " + number);
        RecordMetadata badInsurer = QualificationEvents.publish(UUID.randomUUID(), Instant.now(), person, false,
                List.of(new Numbers("06130018", "1", number, "00", LocalDate.of(2020, 4, 1), null)));
        UUID next = UUID.randomUUID();
        QualificationEvents.publish(next, Instant.now(), person, false,
                List.of(new Numbers(INSURER, "1", number, "00", LocalDate.of(2020, 4, 1), null)));

        events.awaitProjected(person, next);
        for (RecordMetadata poison : new RecordMetadata[] {notJson, badInsurer}) {
            String error = KafkaTestKit.await("the poison record parked", () -> parkedError(poison), e -> e != null);
            assertFalse(error.contains(number), "the error quotes nothing of the payload");
        }
    }

    private List<String> numbers(UUID person) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT insurer_number, symbol_key, branch, valid_from,"
                        + " valid_until FROM insured_number WHERE person_id = ? ORDER BY valid_from")) {
            s.setObject(1, person);
            List<String> found = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4)
                            + "|" + rs.getString(5));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String parkedError(RecordMetadata record) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT error FROM parked_event"
                        + " WHERE consumer = 'person-qualifications' AND topic = ? AND record_partition = ?"
                        + " AND record_offset = ?")) {
            s.setString(1, record.topic());
            s.setInt(2, record.partition());
            s.setLong(3, record.offset());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
