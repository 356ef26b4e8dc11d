package io.shikaku.eligibility.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

import org.apache.kafka.clients.producer.RecordMetadata;

import io.shikaku.common.event.EventHeaders;
import io.shikaku.common.event.Topics;
import io.shikaku.common.identifier.CheckDigit;
import io.shikaku.common.testing.KafkaTestKit;

/**
 * Publishes facility lifecycle events as the facility registry does (topic {@code facility-lifecycle}, key the
 * facility code, the full state in {@code data}) and reads what the projection made of them, always with a bounded
 * wait.
 */
public final class LifecycleEvents {

    public static final String TYPE = "io.shikaku.facility.lifecycle.changed";

    private final DataSource db;

    public LifecycleEvents(DataSource db) {
        this.db = db;
    }

    /** What the projection holds for a facility: its go-live date and the event that set it; null if nothing. */
    public record Projected(LocalDate goLiveOn, UUID eventId) {
    }

    /** A valid medical-clinic code no other test uses. */
    public static String freshCode() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String first = String.format("%02d1%06d", random.nextInt(1, 48), random.nextInt(1_000_000));
        return first + CheckDigit.of(first);
    }

    /** The envelope of a lifecycle event with the facility's state; {@code goLiveOn} may be null. */
    public static String envelope(UUID id, Instant time, String code, LocalDate goLiveOn, String prefecture) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + TYPE + "\",\"source\":\"facility-registry-service\","
                + "\"time\":\"" + time + "\",\"subject\":\"" + code + "\",\"data\":{\"facilityCode\":\"" + code
                + "\",\"type\":\"MEDICAL_CLINIC\",\"prefecture\":\"" + prefecture + "\","
                + "\"accountRegisteredOn\":\"2021-04-01\",\"readerAppliedOn\":\"2021-05-01\",\"readyOn\":"
                + (goLiveOn == null ? "null" : "\"2021-09-01\"") + ",\"goLiveOn\":"
                + (goLiveOn == null ? "null" : "\"" + goLiveOn + "\"") + ",\"emergencyTerminal\":false}}";
    }

    public static RecordMetadata publish(UUID id, Instant time, String code, LocalDate goLiveOn) {
        return publishRaw(code, envelope(id, time, code, goLiveOn, code.substring(0, 2)));
    }

    public static RecordMetadata publishRaw(String key, String value) {
        return KafkaTestKit.produce(Topics.FACILITY_LIFECYCLE, key, value, Map.of(EventHeaders.TYPE, TYPE));
    }

    /**
     * Waits until the service's consumer reads the topic (its test group starts at the end of the topic once it has
     * joined): publishes probe events of fresh facilities until one is projected. Asked before every test, since the
     * application (and its consumer) may have been restarted in between.
     */
    public void awaitConsumerAttached() {
        Instant deadline = Instant.now().plus(KafkaTestKit.PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            String probe = freshCode();
            publish(UUID.randomUUID(), Instant.now(), probe, LocalDate.of(2021, 10, 1));
            Instant probeDeadline = Instant.now().plus(Duration.ofSeconds(2));
            while (Instant.now().isBefore(probeDeadline)) {
                if (projected(probe) != null) {
                    return;
                }
                pause();
            }
        }
        throw new AssertionError("the facility-lifecycle consumer projected no probe event within "
                + KafkaTestKit.PATIENCE.toSeconds() + " s");
    }

    /** Waits until the event {@code id} has been handled (claimed in the inbox) by the facility consumer. */
    public void awaitHandled(UUID id) {
        KafkaTestKit.await("event " + id + " handled", () -> count(
                "SELECT count(*) FROM inbox WHERE consumer = 'facility-lifecycle' AND event_id = ?", id), n -> n == 1);
    }

    /** Waits until the projection holds the state set by event {@code id} for {@code code}. */
    public Projected awaitProjected(String code, UUID id) {
        return KafkaTestKit.await("the state of event " + id + " projected", () -> projected(code),
                p -> p != null && id.equals(p.eventId()));
    }

    public Projected projected(String code) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c
                        .prepareStatement("SELECT go_live_on, event_id FROM facility WHERE facility_code = ?")) {
            s.setString(1, code);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next()
                        ? new Projected(rs.getObject(1, LocalDate.class), rs.getObject(2, UUID.class))
                        : null;
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

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
