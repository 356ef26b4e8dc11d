package io.shikaku.checkup.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

import org.apache.kafka.clients.producer.RecordMetadata;

import io.shikaku.common.event.EventHeaders;
import io.shikaku.common.event.Topics;
import io.shikaku.common.testing.KafkaTestKit;

/**
 * Publishes {@code person-qualifications} events as eligibility does (key the person id, the whole list of numbers in
 * {@code data}) and reads what the coverage projection made of them, always with a bounded wait.
 */
public final class QualificationEvents {

    public static final String TYPE = "io.shikaku.eligibility.person.qualifications-changed";

    private final DataSource db;

    public QualificationEvents(DataSource db) {
        this.db = db;
    }

    /** One individual insured number and its period, as the event carries it. */
    public record Numbers(String insurerNumber, String symbol, String number, String branch, LocalDate validFrom,
            LocalDate validUntil) {

        String json() {
            return "{\"insurerNumber\":\"" + insurerNumber + "\",\"symbol\":\"" + symbol + "\",\"number\":\"" + number
                    + "\",\"branch\":\"" + branch + "\",\"validFrom\":\"" + validFrom + "\",\"validUntil\":"
                    + (validUntil == null ? "null" : "\"" + validUntil + "\"") + "}";
        }
    }

    /** A card number no other test uses. */
    public static String freshNumber() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
    }

    public static String envelope(UUID id, Instant time, UUID personId, boolean suspended, List<Numbers> numbers) {
        List<String> items = new ArrayList<>();
        numbers.forEach(n -> items.add(n.json()));
        return "{\"id\":\"" + id + "\",\"type\":\"" + TYPE + "\",\"source\":\"eligibility-service\",\"time\":\"" + time
                + "\",\"subject\":\"" + personId + "\",\"data\":{\"personId\":\"" + personId
                + "\",\"viewingSuspended\":" + suspended + ",\"qualifications\":[" + String.join(",", items) + "]}}";
    }

    public static RecordMetadata publish(UUID id, Instant time, UUID personId, boolean suspended,
            List<Numbers> numbers) {
        return publishRaw(personId.toString(), envelope(id, time, personId, suspended, numbers));
    }

    /** Publishes a person's numbers now under a fresh event id and waits until they are projected. */
    public UUID cover(UUID personId, List<Numbers> numbers) {
        UUID id = UUID.randomUUID();
        publish(id, Instant.now(), personId, false, numbers);
        awaitProjected(personId, id);
        return id;
    }

    public static RecordMetadata publishRaw(String key, String value) {
        return KafkaTestKit.produce(Topics.PERSON_QUALIFICATIONS, key, value, Map.of(EventHeaders.TYPE, TYPE));
    }

    /**
     * Waits until the service's consumer reads the topic (its test group starts at the end of the topic once it has
     * joined): publishes probe events of fresh persons until one is projected.
     */
    public void awaitConsumerAttached() {
        KafkaTestKit.awaitConsumerAttached("person-qualifications", () -> {
            UUID probe = UUID.randomUUID();
            UUID event = UUID.randomUUID();
            publish(event, Instant.now(), probe, false, List.of());
            return () -> event.equals(projectedEvent(probe));
        });
    }

    /** Waits until the event {@code id} has been handled (claimed in the inbox) by the coverage consumer. */
    public void awaitHandled(UUID id) {
        KafkaTestKit.await("event " + id + " handled", () -> count(
                "SELECT count(*) FROM inbox WHERE consumer = 'person-qualifications' AND event_id = ?", id),
                n -> n == 1);
    }

    /** Waits until the projection holds the state set by event {@code id} for the person. */
    public void awaitProjected(UUID personId, UUID id) {
        KafkaTestKit.await("the state of event " + id + " projected", () -> projectedEvent(personId), id::equals);
    }

    /** The event whose state the projection holds for the person, or null. */
    public UUID projectedEvent(UUID personId) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT event_id FROM person WHERE id = ?")) {
            s.setObject(1, personId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getObject(1, UUID.class) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long count(String sql, Object... values) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
