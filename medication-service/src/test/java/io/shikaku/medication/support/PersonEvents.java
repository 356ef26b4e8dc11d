package io.shikaku.medication.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.RecordMetadata;

import io.shikaku.common.event.EventHeaders;
import io.shikaku.common.event.Topics;
import io.shikaku.common.testing.KafkaTestKit;

/**
 * Publishes {@code person-qualifications} events as eligibility does (key the person id, the person's whole list of
 * individual insured numbers in {@code data}) and waits, bounded, for the projection to hold them.
 */
public final class PersonEvents {

    public static final String TYPE = "io.shikaku.eligibility.person.qualifications-changed";
    public static final String INSURER = "06130017";

    private static final AtomicLong NUMBERS = new AtomicLong(
            System.currentTimeMillis() % 1_000_000_000L * 100 + ThreadLocalRandom.current().nextInt(100));

    private final Db db;

    public PersonEvents(Db db) {
        this.db = db;
    }

    /** One individual insured number and its period ({@code until} may be null). */
    public record Qualification(String insurerNumber, String symbol, String number, String branch, LocalDate from,
            LocalDate until) {

        String json() {
            return "{\"insurerNumber\":\"" + insurerNumber + "\",\"symbol\":\"" + symbol + "\",\"number\":\"" + number
                    + "\",\"branch\":\"" + branch + "\",\"validFrom\":\"" + from + "\",\"validUntil\":"
                    + (until == null ? "null" : "\"" + until + "\"") + "}";
        }
    }

    /** A card number no other test uses. */
    public static String freshNumber() {
        return "M" + NUMBERS.incrementAndGet();
    }

    public static Qualification since(String number, LocalDate from) {
        return new Qualification(INSURER, "1234", number, "00", from, null);
    }

    public static String envelope(UUID id, Instant time, UUID person, boolean suspended,
            List<Qualification> qualifications) {
        StringBuilder list = new StringBuilder();
        for (Qualification q : qualifications) {
            list.append(list.length() == 0 ? "" : ",").append(q.json());
        }
        return "{\"id\":\"" + id + "\",\"type\":\"" + TYPE + "\",\"source\":\"eligibility-service\",\"time\":\"" + time
                + "\",\"subject\":\"" + person + "\",\"data\":{\"personId\":\"" + person + "\",\"viewingSuspended\":"
                + suspended + ",\"qualifications\":[" + list + "]}}";
    }

    /** Publishes the event; its id. */
    public static UUID publish(UUID person, boolean suspended, List<Qualification> qualifications) {
        UUID id = UUID.randomUUID();
        publishRaw(person, envelope(id, Instant.now(), person, suspended, qualifications));
        return id;
    }

    public static RecordMetadata publishRaw(UUID person, String value) {
        return KafkaTestKit.produce(Topics.PERSON_QUALIFICATIONS, person.toString(), value,
                Map.of(EventHeaders.TYPE, TYPE));
    }

    /** Waits until the consumer handled event {@code id} (claimed it in the inbox). */
    public void awaitHandled(UUID id) {
        KafkaTestKit.await("event " + id + " handled", () -> db.count(
                "SELECT count(*) FROM inbox WHERE consumer = 'person-qualifications' AND event_id = ?", id),
                n -> n == 1);
    }

    /**
     * Waits until the service's consumer reads the topic (its test group starts at the end once it has joined):
     * publishes probe events of fresh persons until one is projected.
     */
    public void awaitConsumerAttached() {
        KafkaTestKit.awaitConsumerAttached("person-qualifications", () -> {
            UUID probe = UUID.randomUUID();
            publish(probe, false, List.of());
            return () -> db.count("SELECT count(*) FROM person WHERE id = ?", probe) == 1;
        });
    }
}
